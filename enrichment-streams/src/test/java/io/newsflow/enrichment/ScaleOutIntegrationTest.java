package io.newsflow.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.Extractor;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share news.raw; one is killed with SIGKILL mid-stream (a separate JVM, so nothing of it gets to
 * close, commit or leave the group). The survivor takes its partitions within the session timeout, plus the
 * rebalance and the wait for the dead instance's open transaction; news.enriched, read committed, holds every
 * article once. Both run on the app's own group settings, as static members (each is named).
 */
class ScaleOutIntegrationTest {

    private static final int ARTICLES = 3_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int PARTITIONS = 6;
    private static final Duration SESSION_TIMEOUT = Duration.ofMillis(EnrichmentConfig.SESSION_TIMEOUT_MS_DEFAULT);

    @Test
    void killingOneOfTwoInstancesMidStreamLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        KafkaTestCluster kafka = KafkaTestCluster.shared();
        String registryUrl = TestRegistry.shared().apiUrl();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Topics.ensureCreated(admin);
        }
        SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
        String run = UUID.randomUUID().toString();
        Map<String, String> settings = new HashMap<>(Map.of(
                EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                EnrichmentConfig.REGISTRY_URL_CONFIG, registryUrl,
                EnrichmentConfig.OPS_INTERVAL_MS_CONFIG, "300",
                "application.id", "newsflow-enrichment-scaleout-" + run));

        Process victim = startChildInstance(dir, settings, "victim-" + run);
        Map<String, String> survivorSettings = new HashMap<>(settings);
        survivorSettings.put("state.dir", Files.createDirectories(dir.resolve("survivor-state")).toString());
        survivorSettings.put(EnrichmentConfig.INSTANCE_ID_CONFIG, "survivor-" + run);
        String group = settings.get("application.id");
        try (EnrichmentApp survivor = new EnrichmentApp(new EnrichmentConfig(survivorSettings), Extractor.load());
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            survivor.start();
            awaitReport(kafka, registryUrl, "victim-" + run, ops -> ops.getState().equals("RUNNING"));
            assertThat(survivor.awaitRunning(TIMEOUT)).isTrue();

            Thread producer = new Thread(() -> produce(kafka.bootstrapServers(), registryUrl, run), "article-producer");
            producer.start();
            awaitReport(kafka, registryUrl, "victim-" + run, ops -> ops.getRecordsOut() > 100);
            assertThat(rawPartitions(admin, group, "survivor-")).as("the survivor shares the partitions")
                    .isLessThan(PARTITIONS);
            victim.destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            Duration takeover = awaitAllPartitions(survivor, admin, group, killedAt);
            System.out.printf("survivor took over the killed instance's partitions %.1f s after the kill "
                    + "(session.timeout.ms %d)%n", takeover.toMillis() / 1000.0, SESSION_TIMEOUT.toMillis());
            assertThat(takeover).isLessThan(SESSION_TIMEOUT.multipliedBy(2).plusSeconds(30));
            producer.join();

            List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.readCommitted(
                    kafka.bootstrapServers(), Topics.ENRICHED, new StringDeserializer(),
                    RegistrySerdes.<EnrichedArticle>valueDeserializer(registryUrl),
                    record -> record.key().startsWith(run), ARTICLES, TIMEOUT);
            assertThat(enriched).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
            assertThat(survivor.state().isRunningOrRebalancing()).isTrue();
        } finally {
            victim.destroyForcibly();
        }
    }

    /** How long after {@code killedAt} the survivor was running with every partition of news.raw. */
    private static Duration awaitAllPartitions(EnrichmentApp survivor, Admin admin, String group, long killedAt)
            throws Exception {
        long deadline = killedAt + TIMEOUT.toNanos();
        while (rawPartitions(admin, group, "survivor-") < PARTITIONS || survivor.state() != KafkaStreams.State.RUNNING) {
            assertThat(System.nanoTime()).as("survivor running with all %d partitions", PARTITIONS).isLessThan(deadline);
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    /** The partitions of news.raw the group's coordinator has assigned to members named {@code instancePrefix}*. */
    private static long rawPartitions(Admin admin, String group, String instancePrefix) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .filter(member -> member.groupInstanceId().orElse("").startsWith(instancePrefix))
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .filter(partition -> partition.topic().equals(Topics.RAW)).count();
    }

    private static Process startChildInstance(Path dir, Map<String, String> settings, String instanceId)
            throws IOException {
        Properties props = new Properties();
        props.putAll(settings);
        props.put("state.dir", Files.createDirectories(dir.resolve("victim-state")).toString());
        props.put(EnrichmentConfig.INSTANCE_ID_CONFIG, instanceId);
        Path file = dir.resolve("victim.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            props.store(writer, null);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EnrichmentApp.class.getName(), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("victim.log").toFile())
                .start();
    }

    /** Spreads the articles over a few seconds, so that the kill lands while both instances are busy. */
    private static void produce(String bootstrapServers, String registryUrl, String run) {
        Serializer<RawArticle> avro = RegistrySerdes.valueSerializer(registryUrl);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                RawArticle article = ArticleEnricherTest.article("Council session " + i,
                        "The council approved " + (i % 97) + " motions and rejected " + (i % 13) + " on Monday.");
                article.setId(run + "/" + i);
                producer.send(new ProducerRecord<>(Topics.RAW, article.getId(), avro.serialize(Topics.RAW, article)));
                if (i % 100 == 99) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitReport(KafkaTestCluster kafka, String registryUrl, String instanceId,
                                    java.util.function.Predicate<OpsEvent> condition) {
        TopicReader.awaitFirst(kafka.bootstrapServers(), Topics.OPS, new StringDeserializer(),
                RegistrySerdes.<OpsEvent>valueDeserializer(registryUrl),
                record -> record.key().equals("enrichment/" + instanceId) && condition.test(record.value()), TIMEOUT);
    }
}
