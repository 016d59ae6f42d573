package io.newsflow.sink;

import io.newsflow.store.Articles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin ({@code target/plugin/newsflow-sink-connector}, built by {@code package}) loaded by a Connect
 * worker through {@code plugin.path} alone. The worker runs in a child JVM whose class path is this test's minus
 * the connector and everything the plugin bundles for it (the Avro contracts, Avro, the registry client, the JDBC
 * drivers, Flyway), so the only place it can find the connector is the plugin directory.
 */
class PluginIsolationIT {

    private static final String CONNECTOR_CLASS = "io.newsflow.sink.NewsSinkConnector";
    /** What the plugin must bring itself: found on the worker's class path, they would hide a broken package. */
    private static final List<String> BUNDLED_CLASSES = List.of("io/newsflow/sink/NewsSinkConnector.class",
            "io/newsflow/schemas/EnrichedArticle.class", "org/apache/avro/Schema.class",
            "io/apicurio/registry/serde/avro/AvroKafkaDeserializer.class", "org/postgresql/Driver.class",
            "org/sqlite/JDBC.class", "org/flywaydb/core/Flyway.class");
    private static final List<String> PLUGIN_ONLY_JARS = List.of("sink-connector-", "schemas-", "avro-",
            "apicurio-", "postgresql-", "sqlite-jdbc-", "flyway-");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a condition met sooner ends the wait sooner, and the child worker shares a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path work;
    private Process worker;
    private String rest;
    /** The worker's metrics, served by the Prometheus JMX exporter agent as docker-compose.yml runs it. */
    private String metrics;

    @BeforeEach
    void startWorker() throws Exception {
        Path pluginDir = Path.of(System.getProperty("newsflow.plugin.dir"));
        assertThat(pluginDir.resolve("manifest.json")).as("the plugin directory, built by package").exists();
        work = Files.createTempDirectory(Path.of(System.getProperty("newsflow.build.dir", "target")),
                "plugin-isolation");
        List<String> classPath = workerClassPath();
        assertThat(bundledClassesOn(classPath)).as("connector classes on the worker's own class path").isEmpty();

        rest = "http://127.0.0.1:" + freePort();
        Path workerProps = work.resolve("worker.properties");
        Files.writeString(workerProps, String.join("\n",
                "bootstrap.servers=" + KafkaTestCluster.shared().bootstrapServers(),
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter",
                "consumer.isolation.level=read_committed",
                "offset.storage.file.filename=" + work.resolve("connect.offsets"),
                "offset.flush.interval.ms=1000",
                "listeners=" + rest,
                // The parent of the plugin directory, as docker-compose.yml mounts it.
                "plugin.path=" + pluginDir.getParent().toAbsolutePath(),
                // Only what the plugin declares in META-INF/services: the mode the pipeline's workers use.
                "plugin.discovery=service_load", ""));
        Path log4j = work.resolve("log4j2.properties");
        Files.writeString(log4j, String.join("\n", "rootLogger.level=INFO", "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console", "appender.out.name=out", "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p %c{1} - %m%n", ""));
        int metricsPort = freePort();
        metrics = "http://127.0.0.1:" + metricsPort + "/metrics";
        worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-javaagent:" + System.getProperty("newsflow.jmx.agent") + "=127.0.0.1:" + metricsPort + ":"
                        + System.getProperty("newsflow.jmx.config"),
                "-cp", String.join(File.pathSeparator, classPath),
                "org.apache.kafka.connect.cli.ConnectStandalone", workerProps.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("worker.log").toFile())
                .start();
        // Connections are refused until the REST server listens.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(worker.isAlive()).as("the worker exited; see " + work.resolve("worker.log"))
                            .isTrue();
                    return get("/connector-plugins").statusCode() == 200;
                });
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.destroy();
            if (!worker.waitFor(30, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
    }

    @Test
    void aWorkerLoadsTheConnectorFromThePluginDirectoryAndItStoresArticles() throws Exception {
        JsonNode plugins = JSON.readTree(get("/connector-plugins?connectorsOnly=true").body());
        JsonNode sink = stream(plugins).filter(p -> p.path("class").asText().equals(CONNECTOR_CLASS)).findFirst()
                .orElseThrow(() -> new AssertionError(CONNECTOR_CLASS + " not listed: " + plugins));
        assertThat(sink.path("type").asText()).isEqualTo("sink");
        assertThat(sink.path("version").asText()).isEqualTo(System.getProperty("newsflow.version"));

        String topic = "news.enriched.isolation";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaTestCluster.shared().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Path database = work.resolve("articles.db");
        String registryUrl = TestRegistry.shared().apiUrl();
        Articles.registerSchemas(registryUrl, topic, null);
        Map<String, String> config = Map.of(
                "connector.class", CONNECTOR_CLASS,
                "tasks.max", "2",
                "topics", topic,
                NewsSinkConfig.CONNECTION_URL, database.toString(),
                NewsSinkConfig.REGISTRY_URL, registryUrl,
                NewsSinkConfig.BATCH_SIZE, "20");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(rest + "/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("name", "isolated-sink", "config", config))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        try (Serializer<EnrichedArticle> avro = RegistrySerdes.valueSerializer(registryUrl);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.shared().bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 50; i++) {
                EnrichedArticle article = i % 2 == 0 ? Articles.english("iso-" + i, 1, "Story " + i)
                        : Articles.arabic("iso-" + i, 1, "خبر " + i);
                producer.send(new ProducerRecord<>(topic, article.getArticle().getId(),
                        avro.serialize(topic, article)));
            }
        }

        // The tables appear when the connector has run its migrations.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreException(SQLException.class)
                .untilAsserted(() -> {
                    assertThat(worker.isAlive()).as("the worker exited; see " + work.resolve("worker.log")).isTrue();
                    assertThat(count(database, "SELECT count(*) FROM articles")).isEqualTo(50);
                });
        assertThat(count(database, "SELECT count(*) FROM article_entities")).isEqualTo(100);
        assertThat(count(database, "SELECT count(*) FROM article_figures")).isEqualTo(100);
        JsonNode status = JSON.readTree(get("/connectors/isolated-sink/status").body());
        assertThat(status.at("/connector/state").asText()).isEqualTo("RUNNING");
        assertThat(stream(status.path("tasks")).map(task -> task.path("state").asText()).toList())
                .containsExactly("RUNNING", "RUNNING");
        assertThat(Files.readString(work.resolve("worker.log")))
                .contains("Loading plugin from: " + Path.of(System.getProperty("newsflow.plugin.dir")).toAbsolutePath());

        // The agent serves the tasks' metrics, loaded by the plugin's class loader, beside the worker's own and
        // its consumers'. At least 50 written: a task handed records by a rebalance writes (and counts) them again.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String scrape = getAbsolute(metrics).body();
            Files.writeString(work.resolve("metrics.txt"), scrape); // for whoever reads a failure
            assertThat(sampleSum(scrape, "newsflow_sink_records_written_total{connector=\"isolated-sink\""))
                    .isGreaterThanOrEqualTo(50.0);
            assertThat(sampleSum(scrape, "kafka_connect_sink_task_metrics_sink_record_read_total{"
                    + "connector=\"isolated-sink\"")).isGreaterThanOrEqualTo(50.0);
            assertThat(scrape).containsPattern("kafka_consumer_consumer_fetch_manager_metrics_records_lag\\{"
                    + "client_id=\"connector-consumer-isolated-sink-0\",partition=\"[01]\",topic=\"" + topic + "\"");
        });
        String scrape = getAbsolute(metrics).body();
        for (String task : List.of("0", "1")) {
            assertThat(scrape).contains("newsflow_sink_task_state{connector=\"isolated-sink\",state=\"RUNNING\","
                    + "task=\"" + task + "\"} 1.0");
        }
        assertThat(sampleSum(scrape, "newsflow_sink_records_dead_lettered_total{connector=\"isolated-sink\""))
                .isZero();
    }

    private static double sampleSum(String scrape, String prefix) {
        return scrape.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * This JVM's class path (the real one: the test runner hides it behind a manifest-only jar) without the
     * project's modules (this one's classes and jar among them) and the jars the plugin bundles for the connector.
     * Jars the plugin shares with the worker (Jackson, for one) stay: the plugin's class loader prefers its own.
     */
    private static List<String> workerClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new ArrayList<>();
        for (String entry : full.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            boolean project = Files.isDirectory(path) || entry.contains("/io/newsflow/");
            if (!project && PLUGIN_ONLY_JARS.stream().noneMatch(name::startsWith)) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static List<String> bundledClassesOn(List<String> classPath) throws IOException {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(classPath.get(i)).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            return BUNDLED_CLASSES.stream().filter(name -> loader.getResource(name) != null).toList();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return getAbsolute(rest + path);
    }

    private HttpResponse<String> getAbsolute(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }
}
