package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The status table, read from reports on the real ops topic. */
class StatusCommandTest {

    @Test
    void showsTheLatestReportOfEveryInstanceWithItsThroughputAndLastError() throws Exception {
        KafkaTestCluster kafka = KafkaTestCluster.shared();
        String registryUrl = TestRegistry.shared().apiUrl();
        // As a user does first: topics and schemas.
        SetupCommand.prepare(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                RegistrySerdes.REGISTRY_URL, registryUrl));
        Instant now = Instant.now();
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, OpsEvent> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                RegistrySerdes.<OpsEvent>valueSerializer(registryUrl))) {
            producer.send(report("enrichment", "status-a", now.minusSeconds(10), 100, null));
            producer.send(report("enrichment", "status-a", now.minusSeconds(5), 600, null));
            producer.send(report("sink", "status-b", now.minusSeconds(4), 42, "connection refused"));
            producer.flush();
        }

        StatusCommand status = new StatusCommand();
        status.once = true;
        status.history = java.time.Duration.ofMinutes(15);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put(RegistrySerdes.REGISTRY_URL, registryUrl);
        status.watch(config, new PrintStream(buffer, true, StandardCharsets.UTF_8), Clock.fixed(now, ZoneOffset.UTC));

        String table = buffer.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("STAGE", "OUT/S", "LAST ERROR");
        String a = line(table, "status-a");
        assertThat(a).contains("enrichment", "RUNNING", "600", "100.0", "5s");
        assertThat(line(table, "status-b")).contains("sink", "42", "connection refused");
    }

    private static ProducerRecord<String, OpsEvent> report(String stage, String instance, Instant at, long out, String error) {
        OpsEvent event = OpsEvent.newBuilder().setStage(stage).setInstanceId(instance).setTimestamp(at)
                .setState("RUNNING").setRecordsIn(out).setRecordsOut(out).setLastError(error).build();
        return new ProducerRecord<>(Topics.OPS, stage + "/" + instance, event);
    }

    private static String line(String table, String instance) {
        return table.lines().filter(l -> l.contains(instance)).findFirst().orElseThrow(
                () -> new AssertionError("no row for " + instance + " in\n" + table));
    }
}
