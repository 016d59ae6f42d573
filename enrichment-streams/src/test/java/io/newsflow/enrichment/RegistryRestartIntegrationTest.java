package io.newsflow.enrichment;

import static io.newsflow.enrichment.EnrichmentTopologyTest.header;
import static io.newsflow.enrichment.RegistryOutageIntegrationTest.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.Extractor;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that keeps its schemas in memory restarts empty: every schema id in news.raw is unknown to it. The app
 * waits, DEGRADED, dead-letters nothing, and resumes once setup has registered the schemas again; from then on an id
 * the registry does not know is a bad record. On a broker of its own, so that news.raw holds only records written
 * with this registry's ids.
 */
class RegistryRestartIntegrationTest {

    private static final int RECORDS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void unknownIdsFromARegistryRestartedEmptyAreWaitedOutUntilSetupRegistersTheSchemasAgain(@TempDir Path dir)
            throws Exception {
        String run = UUID.randomUUID().toString();
        String instance = "restart-" + run;
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1);
             RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Topics.ensureCreated(admin);
            }
            SchemaRegistration setup = SchemaRegistration.forRegistryUrl(registry.apiUrl());
            Map<String, Integer> idsBefore = setUp(setup);
            // What a producer wrote before the restart, with the ids setup was given (writers never register).
            Map<String, byte[]> written = new LinkedHashMap<>();
            try (Serializer<RawArticle> avro = RegistrySerdes.valueSerializer(registry.apiUrl())) {
                for (int i = 0; i < RECORDS; i++) {
                    RawArticle article = ArticleEnricherTest.article("Restart story " + i, "Body of story " + i + ".");
                    article.setId(run + "/" + i);
                    written.put(article.getId(), avro.serialize(Topics.RAW, article));
                }
            }
            Deserializer<OpsEvent> opsReader = RegistrySerdes.valueDeserializer(registry.apiUrl());
            Deserializer<OpsEvent> reports = (topic, data) -> opsReader.deserialize(topic, data);

            EnrichmentConfig config = new EnrichmentConfig(Map.of(
                    EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    EnrichmentConfig.REGISTRY_URL_CONFIG, registry.apiUrl(),
                    EnrichmentConfig.OPS_INTERVAL_MS_CONFIG, "300",
                    EnrichmentConfig.INSTANCE_ID_CONFIG, instance,
                    "application.id", "newsflow-enrichment-restart-" + run,
                    "state.dir", dir.resolve("state").toString()));
            try (EnrichmentApp app = new EnrichmentApp(config, Extractor.load())) {
                app.start();
                assertThat(app.awaitRunning(TIMEOUT)).isTrue();
                // The app's reporter and this reader resolve the ops schema while the registry still has it.
                awaitReport(kafka, reports, instance, ops -> ops.getState().equals("RUNNING"));

                registry.stop();
                registry.restart();
                assertThat(setup.isRegistered(SchemaRegistration.subject(Topics.RAW))).as("restarted empty").isFalse();
                Instant restarted = Instant.now();
                produce(kafka, written);

                awaitStatus(app, EnrichmentApp.DEGRADED);
                awaitReport(kafka, reports, instance, ops -> ops.getState().equals(EnrichmentApp.DEGRADED)
                        && ops.getTimestamp().isAfter(restarted));
                // Held a few commit intervals: anything dead-lettered meanwhile would be committed and readable.
                Thread.sleep(3_000);
                assertThat(app.status()).isEqualTo(EnrichmentApp.DEGRADED);
                assertThat(runRecords(kafka, Topics.DEAD_LETTER, run)).isEmpty();
                assertThat(runRecords(kafka, Topics.ENRICHED, run)).isEmpty();

                Instant setUpAgain = Instant.now();
                assertThat(setUp(setup)).as("an empty registry gives the same ids in the same order")
                        .isEqualTo(idsBefore);

                List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.readCommitted(
                        kafka.bootstrapServers(), Topics.ENRICHED, new StringDeserializer(),
                        RegistrySerdes.<EnrichedArticle>valueDeserializer(registry.apiUrl()),
                        record -> record.key().startsWith(run), RECORDS, TIMEOUT);
                assertThat(enriched).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
                assertThat(runRecords(kafka, Topics.DEAD_LETTER, run)).isEmpty();
                awaitStatus(app, "RUNNING");
                awaitReport(kafka, reports, instance, ops -> ops.getState().equals("RUNNING")
                        && ops.getTimestamp().isAfter(setUpAgain));

                // The registry has the pipeline's subjects again: an id it does not know is now the record's fault.
                int unknownId = 999_999;
                byte[] badId = ByteBuffer.allocate(16).put((byte) 0).putInt(unknownId).array();
                produce(kafka, Map.of(run + "/bad-id", badId));
                ConsumerRecord<String, byte[]> dead = TopicReader.readCommitted(kafka.bootstrapServers(),
                        Topics.DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer(),
                        record -> record.key() != null && record.key().startsWith(run), 1, TIMEOUT).get(0);
                assertThat(header(dead.headers(), DeadLetterReason.HEADER)).isEqualTo("unknown schema id " + unknownId);
                assertThat(app.status()).isEqualTo("RUNNING");
            }
        }
    }

    /** What the {@code setup} command does; returns the id of each subject. */
    private static Map<String, Integer> setUp(SchemaRegistration registration) {
        registration.enforceBackwardCompatibility();
        return registration.registerAll();
    }

    private static void produce(KafkaTestCluster kafka, Map<String, byte[]> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.RAW, record.getKey(), record.getValue())).get();
            }
        }
    }

    private static void awaitReport(KafkaTestCluster kafka, Deserializer<OpsEvent> reports, String instance,
                                    Predicate<OpsEvent> condition) {
        TopicReader.awaitFirst(kafka.bootstrapServers(), Topics.OPS, new StringDeserializer(), reports,
                record -> record.key().equals("enrichment/" + instance) && condition.test(record.value()), TIMEOUT);
    }

    private static List<ConsumerRecord<String, byte[]>> runRecords(KafkaTestCluster kafka, String topic, String run) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new ByteArrayDeserializer(), record -> record.key() != null && record.key().startsWith(run));
    }
}
