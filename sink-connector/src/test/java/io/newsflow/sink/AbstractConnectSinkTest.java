package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector deployed in a real Connect worker with two tasks, fed by a producer writing through the Apicurio
 * serializer, read back from the database. One subclass per database.
 */
abstract class AbstractConnectSinkTest {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final int ENTITIES_PER_ARTICLE = 2;
    private static final int FIGURES_PER_ARTICLE = 2;

    private final EmbeddedConnectCluster connect = ConnectWorker.shared();
    private TestDatabase db;
    private String topic;
    private String deadLetters;
    private String opsTopic;
    private String connector;
    private KafkaProducer<String, byte[]> producer;
    private Serializer<EnrichedArticle> avro;

    abstract TestDatabase createDatabase();

    /** Makes the database unusable to the sink (connections refused or the file locked) until the result is closed. */
    abstract AutoCloseable outage(TestDatabase db) throws Exception;

    @BeforeEach
    void deploy() throws InterruptedException {
        int run = RUNS.incrementAndGet();
        db = createDatabase();
        topic = "news.enriched." + getClass().getSimpleName() + run;
        deadLetters = topic + ".dlq";
        opsTopic = topic + ".ops";
        connector = "news-sink-" + getClass().getSimpleName().toLowerCase() + "-" + run;
        connect.kafka().createTopic(topic, 4);
        connect.kafka().createTopic(opsTopic, 1);

        String registryUrl = TestRegistry.shared().apiUrl();
        avro = RegistrySerdes.valueSerializer(registryUrl);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

        Map<String, String> config = new HashMap<>(db.connectorProps());
        config.put("connector.class", NewsSinkConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("topics", topic);
        config.put(NewsSinkConfig.REGISTRY_URL, registryUrl);
        config.put(NewsSinkConfig.BATCH_SIZE, "100");
        config.put(NewsSinkConfig.RETRY_BACKOFF_MS, "1000");
        config.put(NewsSinkConfig.MAX_RETRIES, "60");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", deadLetters);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put(NewsSinkConfig.OPS_BOOTSTRAP_SERVERS, connect.kafka().bootstrapServers());
        config.put(NewsSinkConfig.OPS_TOPIC, opsTopic);
        config.put(NewsSinkConfig.OPS_REPORT_INTERVAL_MS, "500");
        connect.configureConnector(connector, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "sink did not start");
        awaitBothTasksAssigned();
    }

    /**
     * Records sent while the second task is still joining would be read by the first, then replayed from the last
     * committed offset by the second: harmless to the database, but counted twice in the ops reports.
     */
    private void awaitBothTasksAssigned() {
        try (Admin admin = connect.kafka().createAdminClient()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("connect-" + connector))
                        .describedGroups().get("connect-" + connector).get();
                assertThat(group.members()).hasSize(2)
                        .allSatisfy(member -> assertThat(member.assignment().topicPartitions()).hasSize(2));
            });
        }
    }

    @AfterEach
    void undeploy() {
        if (connect.connectors().contains(connector)) {
            connect.deleteConnector(connector);
        }
        producer.close();
        avro.close();
        db.close();
    }

    @Test
    void twoTasksStoreEveryArticleOnceAndSendTheUndecodableOneToTheDeadLetterTopic() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            send(Articles.english("a" + i, 1, "Story " + i));
        }
        producer.send(new ProducerRecord<>(topic, "garbage", "not avro".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 50; i++) {
            send(Articles.english("a" + i, 2, "Story " + i + ", revised"));
        }
        for (int i = 190; i < 200; i++) {
            producer.send(new ProducerRecord<>(topic, "a" + i, null));
        }
        producer.flush();

        awaitStored("SELECT count(*) FROM articles WHERE version = 2", 50);
        awaitStored("SELECT count(*) FROM articles", 190);
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(190L * ENTITIES_PER_ARTICLE);
        assertThat(db.count("SELECT count(*) FROM article_figures")).isEqualTo(190L * FIGURES_PER_ARTICLE);
        assertThat(StoredArticle.find(db, "a7").orElseThrow().headline()).isEqualTo("Story 7, revised");

        ConsumerRecords<byte[], byte[]> dead = connect.kafka().consume(1, 30_000, deadLetters);
        ConsumerRecord<byte[], byte[]> record = dead.iterator().next();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(new String(record.headers().lastHeader("__connect.errors.exception.message").value(),
                StandardCharsets.UTF_8)).contains("not an EnrichedArticle");
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "a task failed");

        // 200 first versions, 50 second versions and 10 deletions written; the garbage dead-lettered.
        Map<String, OpsEvent> latest = awaitOpsReports(reports -> reports.size() == 2
                && reports.values().stream().mapToLong(OpsEvent::getRecordsOut).sum() == 260
                && reports.values().stream().mapToLong(OpsEvent::getDeadLettered).sum() == 1);
        assertThat(latest.keySet()).containsExactlyInAnyOrder(connector + "-0", connector + "-1");
        assertThat(latest.values()).allSatisfy(report -> {
            assertThat(report.getStage()).isEqualTo("sink");
            assertThat(report.getState()).isEqualTo("RUNNING");
            assertThat(report.getRecordsIn()).isEqualTo(report.getRecordsOut() + report.getDeadLettered());
            // Everything on the topic was fetched: the worker's consumer for the task says so.
            assertThat(report.getConsumerLag()).isZero();
        });
        OpsEvent reporter = latest.values().stream().filter(report -> report.getDeadLettered() == 1)
                .findFirst().orElseThrow();
        assertThat(reporter.getLastError()).contains("not an EnrichedArticle");

        connect.deleteConnector(connector);
        Map<String, OpsEvent> last = awaitOpsReports(reports -> reports.size() == 2
                && reports.values().stream().allMatch(report -> report.getState().equals("STOPPED")));
        assertThat(last.values().stream().mapToLong(OpsEvent::getRecordsOut).sum()).isEqualTo(260);
    }

    /** The latest report of each task on the ops topic, once they satisfy {@code done}; {@code each} sees them all. */
    private Map<String, OpsEvent> awaitOpsReports(Predicate<Map<String, OpsEvent>> done) {
        return awaitOpsReports(report -> { }, done);
    }

    private Map<String, OpsEvent> awaitOpsReports(Consumer<OpsEvent> each, Predicate<Map<String, OpsEvent>> done) {
        Map<String, OpsEvent> latest = new HashMap<>();
        Deserializer<OpsEvent> deserializer = RegistrySerdes.valueDeserializer(TestRegistry.shared().apiUrl());
        try (KafkaConsumer<String, OpsEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), deserializer)) {
            consumer.assign(List.of(new TopicPartition(opsTopic, 0)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
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

    @Test
    void aTwentySecondDatabaseOutageLosesAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < 300; i++) {
            send(Articles.english("a" + i, 1, "Before the outage " + i));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT count(*) FROM articles") > 0);

        try (AutoCloseable down = outage(db)) {
            for (int i = 300; i < 600; i++) {
                send(Articles.english("a" + i, 1, "During the outage " + i));
            }
            producer.flush();
            Thread.sleep(20_000);
        }

        awaitStored("SELECT count(*) FROM articles", 600);
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(600L * ENTITIES_PER_ARTICLE);
        assertThat(db.count("SELECT count(*) FROM article_figures")).isEqualTo(600L * FIGURES_PER_ARTICLE);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "a task gave up");

        List<OpsEvent> reports = new ArrayList<>();
        // At least 600: a commit whose confirmation the outage cut off is written, and counted, again.
        Map<String, OpsEvent> latest = awaitOpsReports(reports::add, latestReports -> latestReports.size() == 2
                && latestReports.values().stream().mapToLong(OpsEvent::getRecordsOut).sum() >= 600
                && latestReports.values().stream().allMatch(report -> report.getState().equals("RUNNING")));
        assertThat(latest.values().stream().mapToLong(OpsEvent::getDeadLettered).sum()).isZero();
        assertThat(reports).anySatisfy(report -> {
            assertThat(report.getState()).isEqualTo("RETRYING");
            assertThat(report.getLastError()).isNotBlank();
        });
    }

    private void send(EnrichedArticle article) {
        producer.send(new ProducerRecord<>(topic, article.getArticle().getId(), avro.serialize(topic, article)));
    }

    private void awaitStored(String countSql, long expected) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(db.count(countSql)).isEqualTo(expected));
    }
}
