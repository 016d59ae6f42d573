package io.newsflow.sink;

import io.newsflow.store.Articles;
import io.newsflow.store.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.TcpProxy;
import io.newsflow.testing.TestRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * PostgreSQL unreachable for two minutes under a real Connect worker whose offset flush interval is one second, as
 * the demo's is: the connector's JDBC URL goes through a proxy that the test cuts (open connections closed, new ones
 * turned away) and restores, leaving the machine's server alone. Nobody touches the connector meanwhile.
 */
class PostgresOutageConnectSinkTest {

    private static final Duration OUTAGE = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int BEFORE = 200;
    private static final int DURING = 300;
    private static final int REVISED = 50;

    private final EmbeddedConnectCluster connect = ConnectWorker.shared();
    private TestDatabase db;
    private TcpProxy proxy;
    private String topic;
    private String opsTopic;
    private String connector;
    private KafkaProducer<String, byte[]> producer;
    private Serializer<EnrichedArticle> avro;
    private Map<String, String> connectorConfig;

    @BeforeEach
    void deploy() throws Exception {
        db = TestDatabase.postgres();
        String url = db.url();
        URI server = URI.create(url.substring("jdbc:".length()));
        proxy = TcpProxy.start(server.getHost(), server.getPort());
        // Each test its own topics and connector: the worker and its broker are shared.
        String run = UUID.randomUUID().toString().substring(0, 8);
        topic = "news.enriched.outage." + run;
        opsTopic = topic + ".ops";
        connector = "news-sink-outage-" + run;
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
        config.put(NewsSinkConfig.CONNECTION_URL, "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath());
        // 3 s doubling up to 30 s: attempts at about 0, 3, 9, 21, 45, 75, 105 and 135 s into the outage.
        // retry.timeout.ms is left at its default: no limit.
        config.put(NewsSinkConfig.RETRY_BACKOFF_MS, "3000");
        config.put(NewsSinkConfig.RETRY_BACKOFF_MAX_MS, "30000");
        config.put(NewsSinkConfig.OPS_REPORT_INTERVAL_MS, "1000");
        connectorConfig = config;
    }

    private void startConnector() throws InterruptedException {
        connect.configureConnector(connector, connectorConfig);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "sink did not start");
    }

    @AfterEach
    void undeploy() throws InterruptedException {
        if (connect.connectors().contains(connector)) {
            connect.deleteConnector(connector);
            connect.assertions().assertConnectorDoesNotExist(connector, "the connector was not deleted");
        }
        producer.close();
        avro.close();
        proxy.close();
        db.close();
    }

    @Test
    void theSinkRidesOutTwoMinutesWithoutPostgresAndThenStoresEverythingExactlyOnce() throws Exception {
        startConnector();
        for (int i = 0; i < BEFORE; i++) {
            send(Articles.english("a" + i, 1, "Before the outage " + i));
        }
        producer.flush();
        awaitRows("SELECT count(*) FROM articles", BEFORE);

        proxy.cut();
        Instant cut = Instant.now();
        for (int i = BEFORE; i < BEFORE + DURING; i++) {
            send(Articles.english("a" + i, 1, "During the outage " + i));
        }
        for (int i = 0; i < REVISED; i++) {
            send(Articles.english("a" + i, 2, "Revised during the outage " + i));
        }
        producer.flush();

        List<String> notRunning = new ArrayList<>();
        Set<String> degradedOnMetrics = new HashSet<>();
        WorkerMetrics metrics = new WorkerMetrics(connector);
        while (Instant.now().isBefore(cut.plus(OUTAGE))) {
            connect.connectorStatus(connector).tasks().stream().filter(task -> !task.state().equals("RUNNING"))
                    .forEach(task -> notRunning.add(task.id() + " " + task.state() + " " + task.trace()));
            for (String task : List.of("0", "1")) {
                if (metrics.plugin(task, "task-state", "state=DEGRADED") == 1.0) {
                    degradedOnMetrics.add(task);
                }
            }
            Thread.sleep(2000);
        }
        List<Instant> turnedAway = proxy.turnedAway();
        proxy.restore();

        awaitRows("SELECT count(*) FROM articles", BEFORE + DURING);
        awaitRows("SELECT count(*) FROM articles WHERE version = 2", REVISED);
        assertThat(db.count("SELECT count(DISTINCT id) FROM articles")).isEqualTo(BEFORE + DURING);
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(2L * (BEFORE + DURING));
        assertThat(db.count("SELECT count(*) FROM article_figures")).isEqualTo(2L * (BEFORE + DURING));

        // The worker kept both tasks RUNNING throughout; their state metric said DEGRADED.
        assertThat(notRunning).isEmpty();
        assertThat(degradedOnMetrics).containsExactlyInAnyOrder("0", "1");

        // The worker redelivered every second (its offset commits), yet the tasks tried only as the backoff said:
        // about 7 attempts each in two minutes, where one a second would have made about 120 each.
        for (String task : List.of("0", "1")) {
            assertThat(metrics.plugin(task, "retries-total")).as("task %s's failed attempts", task)
                    .isBetween(2.0, 15.0);
        }
        assertThat(turnedAway).as("connections the proxy turned away during the outage").isNotEmpty().hasSizeLessThan(60);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String task : List.of("0", "1")) {
                assertThat(metrics.plugin(task, "task-state", "state=RUNNING")).isEqualTo(1.0);
            }
        });
        List<OpsEvent> reports = new ArrayList<>();
        Map<String, OpsEvent> latest = OpsReports.await(connect.kafka().bootstrapServers(), opsTopic, WAIT,
                reports::add, last -> last.size() == 2
                        && last.values().stream().allMatch(report -> report.getState().equals("RUNNING")
                        && report.getTimestamp().isAfter(cut.plus(OUTAGE))));
        assertThat(latest.keySet()).containsExactlyInAnyOrder(connector + "-0", connector + "-1");
        for (String instance : latest.keySet()) {
            assertThat(reports).as("%s's reports during the outage", instance).anySatisfy(report -> {
                assertThat(report.getInstanceId()).isEqualTo(instance);
                assertThat(report.getState()).isEqualTo("DEGRADED");
                assertThat(report.getLastError()).contains("127.0.0.1:" + proxy.port());
            });
        }
        assertThat(latest.values().stream().mapToLong(OpsEvent::getDeadLettered).sum()).isZero();
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "a task gave up");
    }

    /** A worker restarted during a database outage: the connector cannot create the tables when it starts. */
    @Test
    void aConnectorStartedWhilePostgresIsUnreachableCreatesItsTablesOnceItAnswers() throws Exception {
        proxy.cut();
        startConnector();
        for (int i = 0; i < BEFORE; i++) {
            send(Articles.english("a" + i, 1, "Sent while the database was away " + i));
        }
        producer.flush();
        // Long enough for both tasks to fail an attempt or two (the first backoff is 3 s).
        await().atMost(WAIT).until(() -> proxy.turnedAway().size() >= 3);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "a task gave up");
        assertThat(tableExists("articles")).isFalse();
        proxy.restore();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> tableExists("articles"));
        awaitRows("SELECT count(*) FROM articles", BEFORE);
        assertThat(db.count("SELECT count(DISTINCT id) FROM articles")).isEqualTo(BEFORE);
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(2L * BEFORE);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "a task gave up");
    }

    private boolean tableExists(String table) {
        return db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") == 1;
    }

    private void send(EnrichedArticle article) {
        producer.send(new ProducerRecord<>(topic, article.getArticle().getId(), avro.serialize(topic, article)));
    }

    private void awaitRows(String countSql, long expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(db.count(countSql)).isEqualTo(expected));
    }
}
