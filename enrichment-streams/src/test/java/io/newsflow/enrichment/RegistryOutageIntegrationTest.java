package io.newsflow.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.extraction.Extractor;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TcpProxy;
import io.newsflow.testing.TestRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unreachable registry is an outage to wait out, not a reason to dead-letter good records; the instance says
 * DEGRADED meanwhile.
 */
class RegistryOutageIntegrationTest {

    private static final int RECORDS = 20;

    @Test
    void recordsReadDuringARegistryOutageAreEnrichedOnceItIsBackAndNoneIsDeadLettered(@TempDir Path stateDir)
            throws Exception {
        KafkaTestCluster kafka = KafkaTestCluster.shared();
        String registryUrl = TestRegistry.shared().apiUrl();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Topics.ensureCreated(admin);
        }
        SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
        URI registry = URI.create(registryUrl);
        String run = UUID.randomUUID().toString();
        try (TcpProxy proxy = TcpProxy.start(registry.getHost(), registry.getPort())) {
            proxy.cut();
            // The app starts with the registry out of reach, so its schema cache is cold and every record
            // needs a lookup that fails.
            EnrichmentConfig config = new EnrichmentConfig(Map.of(
                    EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    EnrichmentConfig.REGISTRY_URL_CONFIG,
                    "http://127.0.0.1:" + proxy.port() + registry.getPath(),
                    "application.id", "newsflow-enrichment-outage-" + run,
                    "state.dir", stateDir.toString()));
            try (EnrichmentApp app = new EnrichmentApp(config, Extractor.load())) {
                produceGoodArticles(kafka.bootstrapServers(), registryUrl, run);
                app.start();
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                app.bindMetrics(meters);
                awaitStatus(app, EnrichmentApp.DEGRADED);
                // Records of the run fetched from news.raw while the registry turns the app away: read during the
                // outage, and held rather than dead-lettered or lost. (Not all of them: the stream thread waits on
                // the first record it cannot decode and fetches no more meanwhile.)
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (rawRecordsRead(meters) == 0) {
                    assertThat(System.nanoTime()).as("records of news.raw read, now %s", rawRecordsRead(meters))
                            .isLessThan(deadline);
                    Thread.sleep(200);
                }
                assertThat(proxy.turnedAway()).as("schema look-ups turned away during the outage").isNotEmpty();
                assertThat(runRecords(kafka, Topics.DEAD_LETTER, run)).isEmpty();
                assertThat(runRecords(kafka, Topics.ENRICHED, run)).isEmpty();
                assertThat(app.status()).isEqualTo(EnrichmentApp.DEGRADED);

                proxy.restore();

                List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.readCommitted(
                        kafka.bootstrapServers(), Topics.ENRICHED, new StringDeserializer(),
                        RegistrySerdes.<EnrichedArticle>valueDeserializer(registryUrl),
                        record -> record.key().startsWith(run), RECORDS, Duration.ofSeconds(90));
                assertThat(enriched).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
                assertThat(runRecords(kafka, Topics.DEAD_LETTER, run)).isEmpty();
                assertThat(app.status()).isEqualTo("RUNNING");
            }
        }
    }

    /** Records of news.raw the app's consumers have fetched, as its Kafka client metrics count them. */
    private static double rawRecordsRead(SimpleMeterRegistry meters) {
        return meters.find("kafka.consumer.fetch.manager.records.consumed.total").tag("topic", Topics.RAW)
                .functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
    }

    static void awaitStatus(EnrichmentApp app, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!app.status().equals(status)) {
            assertThat(System.nanoTime()).as("instance %s, now %s", status, app.status()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void produceGoodArticles(String bootstrapServers, String registryUrl, String run) throws Exception {
        Serializer<RawArticle> avro = RegistrySerdes.valueSerializer(registryUrl);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                RawArticle article = ArticleEnricherTest.article("Outage story " + i, "Body of story " + i + ".");
                article.setId(run + "/" + i);
                producer.send(new ProducerRecord<>(Topics.RAW, article.getId(), avro.serialize(Topics.RAW, article))).get();
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> runRecords(KafkaTestCluster kafka, String topic, String run) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new ByteArrayDeserializer(), record -> record.key() != null && record.key().startsWith(run));
    }
}
