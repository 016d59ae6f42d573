package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.TestRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The sink tasks' reports on an ops topic, read from its start as {@code ./news-pipeline status} reads them. */
final class OpsReports {

    private OpsReports() {
    }

    /**
     * The latest report of each task instance, once they satisfy {@code done}; {@code each} sees every report in
     * the order published.
     */
    static Map<String, OpsEvent> await(String bootstrapServers, String topic, Duration within, Consumer<OpsEvent> each,
                                       Predicate<Map<String, OpsEvent>> done) {
        Map<String, OpsEvent> latest = new HashMap<>();
        try (KafkaConsumer<String, OpsEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                RegistrySerdes.<OpsEvent>valueDeserializer(TestRegistry.shared().apiUrl()))) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            Awaitility.await().atMost(within).until(() -> {
                for (ConsumerRecord<String, OpsEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.key()).isEqualTo("sink/" + record.value().getInstanceId());
                    latest.put(record.value().getInstanceId(), record.value());
                    each.accept(record.value());
                }
                return done.test(latest);
            });
        }
        return latest;
    }
}
