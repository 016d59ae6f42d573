package io.newsflow.sink;

import io.newsflow.store.Articles;
import io.newsflow.store.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.ArticleWrites;
import io.newsflow.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
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
    /**
     * How long to wait for what must happen: generous, as the worker shares a busy machine and this JVM's heap with
     * the broker. A condition met sooner ends the wait sooner.
     */
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static final List<String> TASKS = List.of("0", "1");

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
        Articles.registerSchemas(registryUrl, topic, opsTopic);
        avro = RegistrySerdes.valueSerializer(registryUrl);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

        Map<String, String> config = ConnectorProps.sinkOn(topic, db, registryUrl, connect.kafka().bootstrapServers(),
                opsTopic);
        // Retries 1 s, 2 s, then every 4 s: a database back after the outage is written to within seconds.
        config.put(NewsSinkConfig.RETRY_BACKOFF_MS, "1000");
        config.put(NewsSinkConfig.RETRY_BACKOFF_MAX_MS, "4000");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put(NewsSinkConfig.OPS_REPORT_INTERVAL_MS, "500");
        connect.configureConnector(connector, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "sink did not start");
        awaitBothTasksAssigned();
        try (Connection connection = db.connect()) {
            ArticleWrites.install(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not install the write log", e);
        }
    }

    /**
     * Records sent while the second task is still joining would be read by the first, then replayed from the last
     * committed offset by the second: harmless to the database, but counted twice in the ops reports.
     */
    private void awaitBothTasksAssigned() {
        try (Admin admin = connect.kafka().createAdminClient()) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("connect-" + connector))
                        .describedGroups().get("connect-" + connector).get();
                assertThat(group.members()).hasSize(2)
                        .allSatisfy(member -> assertThat(member.assignment().topicPartitions()).hasSize(2));
            });
        }
    }

    @AfterEach
    void undeploy() throws InterruptedException {
        if (connect.connectors().contains(connector)) {
            // Deleting returns before the tasks have closed their connections; a SQLite file deleted under an open
            // connection leaves a task writing its WAL into a directory that is going away.
            connect.stopConnector(connector);
            connect.assertions().assertConnectorIsStopped(connector, "the connector's tasks did not stop");
            awaitTasksClosed();
            connect.deleteConnector(connector);
        }
        producer.close();
        avro.close();
        db.close();
    }

    /**
     * The worker stops waiting for a task after task.shutdown.graceful.timeout.ms and reports it gone, but the
     * task's thread carries the task's name until the task has closed.
     */
    private void awaitTasksClosed() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(thread -> thread.getName().startsWith("task-thread-" + connector + "-")));
    }

    @Test
    void twoTasksStoreEveryArticleOnceAndSendTheUndecodableOneToTheDeadLetterTopic() throws Exception {
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
        try (Connection connection = db.connect()) {
            // A first version is skipped when its revision or its deletion arrives in the same batch; none is
            // written twice.
            assertThat(ArticleWrites.repeated(connection)).as("article versions written twice").isEmpty();
            assertThat(ArticleWrites.articles(connection)).isBetween(190L, 200L);
            assertThat(ArticleWrites.countOfVersion(connection, 2)).isEqualTo(50);
        }

        ConsumerRecords<byte[], byte[]> dead = connect.kafka().consume(1, WAIT.toMillis(), deadLetters);
        ConsumerRecord<byte[], byte[]> record = dead.iterator().next();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(new String(record.headers().lastHeader("__connect.errors.exception.message").value(),
                StandardCharsets.UTF_8)).contains("not Avro in the Confluent wire format");
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "a task failed");

        // 200 first versions, 50 second versions and 10 deletions written; the garbage dead-lettered. At least:
        // after a rebalance a task counts again what it is handed and the other had written but not committed.
        Map<String, OpsEvent> latest = awaitOpsReports(reports -> reports.size() == 2
                && reports.values().stream().mapToLong(OpsEvent::getRecordsOut).sum() >= 260
                && reports.values().stream().mapToLong(OpsEvent::getDeadLettered).sum() >= 1
                && reports.values().stream().allMatch(report -> report.getConsumerLag() != null
                        && report.getConsumerLag() == 0));
        assertThat(latest.keySet()).containsExactlyInAnyOrder(connector + "-0", connector + "-1");
        assertThat(latest.values()).allSatisfy(report -> {
            assertThat(report.getStage()).isEqualTo("sink");
            assertThat(report.getState()).isEqualTo("RUNNING");
            // Nothing a task received is left unhandled (a replay is handled again without being received again).
            assertThat(report.getRecordsOut() + report.getDeadLettered()).isGreaterThanOrEqualTo(report.getRecordsIn());
        });
        OpsEvent reporter = latest.values().stream().filter(report -> report.getDeadLettered() >= 1)
                .findFirst().orElseThrow();
        assertThat(reporter.getLastError()).contains("not Avro in the Confluent wire format");

        connect.deleteConnector(connector);
        Map<String, OpsEvent> last = awaitOpsReports(reports -> reports.size() == 2
                && reports.values().stream().allMatch(report -> report.getState().equals("STOPPED")));
        assertThat(last.values().stream().mapToLong(OpsEvent::getRecordsOut).sum()).isGreaterThanOrEqualTo(260);
    }

    /** The latest report of each task on the ops topic, once they satisfy {@code done}; {@code each} sees them all. */
    private Map<String, OpsEvent> awaitOpsReports(Predicate<Map<String, OpsEvent>> done) {
        return awaitOpsReports(report -> { }, done);
    }

    private Map<String, OpsEvent> awaitOpsReports(Consumer<OpsEvent> each, Predicate<Map<String, OpsEvent>> done) {
        return OpsReports.await(connect.kafka().bootstrapServers(), opsTopic, WAIT, each, done);
    }

    @Test
    void aTwentySecondDatabaseOutageLosesAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < 300; i++) {
            send(Articles.english("a" + i, 1, "Before the outage " + i));
        }
        producer.flush();
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM articles") > 0);

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
        try (Connection connection = db.connect()) {
            // A batch whose commit the outage cut off is replayed; the replay must find it stored or roll back.
            assertThat(ArticleWrites.repeated(connection)).as("article versions written twice").isEmpty();
            assertThat(ArticleWrites.count(connection)).isEqualTo(600);
        }

        List<OpsEvent> reports = new ArrayList<>();
        // At least 600: a commit whose confirmation the outage cut off is written, and counted, again.
        Map<String, OpsEvent> latest = awaitOpsReports(reports::add, latestReports -> latestReports.size() == 2
                && latestReports.values().stream().mapToLong(OpsEvent::getRecordsOut).sum() >= 600
                && latestReports.values().stream().allMatch(report -> report.getState().equals("RUNNING")));
        assertThat(latest.values().stream().mapToLong(OpsEvent::getDeadLettered).sum()).isZero();
        assertThat(reports).anySatisfy(report -> {
            assertThat(report.getState()).isEqualTo("DEGRADED");
            assertThat(report.getLastError()).isNotBlank();
        });
    }

    @Test
    void theTasksMetricsSitBesideTheWorkersOwnAndItsStatusSaysWhenTheyFail() throws Exception {
        for (int i = 0; i < 100; i++) {
            send(Articles.english("m" + i, 1, "Story " + i));
        }
        producer.flush();
        awaitStored("SELECT count(*) FROM articles", 100);

        // Each task's consumer has fetched its two partitions, with nothing left behind.
        // At least 100 written: a rebalance hands a task records the other wrote but had not committed.
        WorkerMetrics metrics = new WorkerMetrics(connector);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(sum(metrics, "records-written-total")).isGreaterThanOrEqualTo(100.0);
            for (String task : TASKS) {
                assertThat(metrics.perPartition(task, "records-lag")).hasSize(2).allSatisfy(lag -> assertThat(lag).isZero());
            }
        });
        // Never more written than the worker delivered, nor more received than it read.
        double read = TASKS.stream().mapToDouble(task -> metrics.sinkTask(task, "sink-record-read-total")).sum();
        assertThat(read).isGreaterThanOrEqualTo(100.0);
        assertThat(sum(metrics, "records-written-total")).isBetween(100.0, read);
        assertThat(sum(metrics, "records-in-total")).isBetween(100.0, read);
        assertThat(sum(metrics, "records-dead-lettered-total")).isZero();
        assertThat(sum(metrics, "batches-written-total")).isPositive();
        assertThat(sum(metrics, "batch-write-seconds-total")).isPositive();
        for (String task : TASKS) {
            assertThat(metrics.sinkTask(task, "partition-count")).isEqualTo(2.0);
            assertThat(metrics.plugin(task, "task-state", "state=RUNNING")).isEqualTo(1.0);
            assertThat(metrics.plugin(task, "task-state", "state=DEGRADED")).isZero();
        }
        assertThat(metrics.connector("connector-running-task-count")).isEqualTo(2.0);
        assertThat(connect.connectorStatus(connector).tasks()).extracting(task -> task.state())
                .containsExactly("RUNNING", "RUNNING");

        // Without its table the next write fails for good: the task that gets the record fails, the worker stops
        // it and keeps it FAILED, and the rebalance hands the record to the other task, which fails the same way.
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE articles");
        }
        send(Articles.english("m-after", 1, "Too late"));
        producer.flush();
        await().atMost(WAIT).untilAsserted(() -> assertThat(connect.connectorStatus(connector)
                .tasks()).extracting(task -> task.state()).containsExactly("FAILED", "FAILED"));
        // The worker took the stopped tasks' own metrics away and counts them as failed.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(metrics.connector("connector-failed-task-count")).isEqualTo(2.0));
        for (String task : TASKS) {
            assertThat(metrics.plugin(task, "task-state", "state=RUNNING")).isNaN();
            assertThat(metrics.plugin(task, "records-written-total")).isNaN();
        }
    }

    private static double sum(WorkerMetrics metrics, String metric) {
        return TASKS.stream().mapToDouble(task -> metrics.plugin(task, metric)).sum();
    }

    private void send(EnrichedArticle article) {
        producer.send(new ProducerRecord<>(topic, article.getArticle().getId(), avro.serialize(topic, article)));
    }

    private void awaitStored(String countSql, long expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(db.count(countSql)).isEqualTo(expected));
    }
}
