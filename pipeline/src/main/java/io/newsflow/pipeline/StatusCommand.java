package io.newsflow.pipeline;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.web.KafkaClients;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A live table of every stage instance, read from the ops topic. It reads the topic without a consumer group
 * (assign, not subscribe), so watching the pipeline leaves no trace in it.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what every stage instance reports on news.ops: throughput, lag, dead letters, last error.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @Option(names = "--once", description = "Print the table once, from what the topic holds now, and exit.")
    boolean once;

    @Option(names = "--refresh", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "How often the table is redrawn, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration refresh;

    @Option(names = "--history", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "How far back to read reports at start (default: ${DEFAULT-VALUE}).")
    Duration history;

    @Override
    public Integer call() throws InterruptedException {
        return watch(settings.resolve(), System.out, Clock.systemUTC());
    }

    int watch(Map<String, Object> config, PrintStream out, Clock clock) throws InterruptedException {
        OpsTable table = new OpsTable();
        try (KafkaConsumer<String, OpsEvent> consumer = consumer(config)) {
            List<TopicPartition> partitions = KafkaClients.assignSince(consumer, Topics.OPS,
                    clock.millis() - history.toMillis());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            boolean terminal = System.console() != null && !once;
            while (true) {
                for (ConsumerRecord<String, OpsEvent> record : consumer.poll(once ? Duration.ofMillis(200) : refresh)) {
                    if (record.value() != null) {
                        table.add(record.value());
                    }
                }
                boolean caughtUp = partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                if (once && !caughtUp) {
                    continue;
                }
                if (terminal) {
                    out.print("\033[H\033[2J");
                }
                out.print(table.isEmpty() ? "no reports on " + Topics.OPS + " in the last " + history + System.lineSeparator()
                        : table.render(clock.instant()));
                out.flush();
                if (once) {
                    return 0;
                }
                if (!terminal) {
                    out.println();
                }
            }
        }
    }

    private static KafkaConsumer<String, OpsEvent> consumer(Map<String, Object> config) {
        Deserializer<OpsEvent> values = RegistrySerdes.valueDeserializer(config);
        return new KafkaConsumer<>(KafkaClients.consumer(config, "newsflow-status"), new StringDeserializer(), values);
    }
}
