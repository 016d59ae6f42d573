package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.pipeline.local.LocalConnectWorker;
import io.newsflow.sink.NewsSinkConfig;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so the production-shaped stack is checked against the applications'
 * own configuration instead: what the containers are told must be what the apps, the connector and the servers
 * expect, and what the dashboard and the alert rules query must be what the stages export.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final Duration STARTUP = Duration.ofMinutes(3);
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void theStackHasEveryServer() {
        assertThat(services).containsKeys("kafka", "registry", "postgres", "connect", "setup", "enrichment", "ingest",
                "prometheus", "grafana");
    }

    @Test
    void theAppsReachTheBrokerAndTheRegistryWhereTheyListen() {
        for (String app : List.of("setup", "enrichment", "ingest")) {
            Map<String, String> settings = EnrichmentConfig.fromEnvironment(environment(app));
            URI broker = URI.create("kafka://" + settings.get("bootstrap.servers"));
            assertThat(broker.getHost()).as(app).isEqualTo("kafka");
            assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).contains("kafka:" + broker.getPort());

            URI registry = URI.create(settings.get(RegistrySerdes.REGISTRY_URL));
            assertThat(registry.getHost()).as(app).isEqualTo("registry");
            assertThat(String.valueOf(registry.getPort())).isEqualTo(environment("registry").get("QUARKUS_HTTP_PORT"));
            assertThat(registry.getPath()).isEqualTo("/apis/registry/v3");

            // Every key the containers set is one the stages understand.
            assertThat(settings.keySet()).allMatch(key -> EnrichmentConfig.CONFIG_DEF.names().contains(key)
                    || IngestConfig.CONFIG_DEF.names().contains(key) || key.equals("application.id"));
        }
    }

    @Test
    void theAppsRunCommandsTheCliHas() {
        var subcommands = NewsPipeline.commandLine().getSubcommands().keySet();
        for (String app : List.of("setup", "enrichment", "ingest")) {
            @SuppressWarnings("unchecked")
            List<String> command = (List<String>) services.get(app).get("command");
            assertThat(subcommands).as(app).contains(command.get(0));
            assertThat(NewsPipeline.commandLine().parseArgs(command.toArray(String[]::new)).hasSubcommand()).isTrue();
        }
    }

    @Test
    void theConnectWorkerLoadsTheSinkPluginFromTheMountedDirectory() throws IOException {
        Properties worker = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/connect-distributed.properties"))) {
            worker.load(reader);
        }
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) services.get("connect").get("volumes");
        assertThat(volumes).anyMatch(v -> v.startsWith("./sink-connector/target/plugin:" + worker.getProperty("plugin.path")));
        assertThat(worker.getProperty("bootstrap.servers")).startsWith("kafka:");
        assertThat(worker.getProperty("value.converter")).isEqualTo("org.apache.kafka.connect.converters.ByteArrayConverter");
        assertThat(worker.getProperty("consumer.isolation.level")).isEqualTo("read_committed");
    }

    @Test
    void theConnectorConfigurationIsOneTheSinkAccepts() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> connector = new ObjectMapper().readValue(ROOT.resolve("deploy/sink-connector.json").toFile(), Map.class);
        assertThat(SinkConnector.class).isAssignableFrom(Class.forName(connector.get("connector.class")));
        assertThat(connector.get("topics")).isEqualTo(Topics.ENRICHED);
        assertThat(connector.get("errors.deadletterqueue.topic.name")).isEqualTo(Topics.DEAD_LETTER);
        assertThat(URI.create(connector.get("registry.url")).getHost()).isEqualTo("registry");
        URI database = URI.create(connector.get("connection.url").substring("jdbc:".length()));
        assertThat(database.getHost()).isEqualTo("postgres");
        assertThat(database.getPath()).isEqualTo("/" + environment("postgres").get("POSTGRES_DB"));
        assertThat(connector.get("connection.user")).isEqualTo(environment("postgres").get("POSTGRES_USER"));
        for (String key : connector.keySet()) {
            boolean generic = key.startsWith("errors.") || List.of("connector.class", "tasks.max", "topics").contains(key);
            assertThat(generic || NewsSinkConfig.CONFIG_DEF.names().contains(key)).as("setting %s", key).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryStageWhereComposePublishesItsMetrics() throws IOException {
        Map<String, Object> prometheus = yaml("deploy/prometheus/prometheus.yml");
        Map<String, String> targets = new java.util.HashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
                for (String target : (List<String>) config.get("targets")) {
                    targets.put(target.substring(0, target.indexOf(':')), target.substring(target.indexOf(':') + 1));
                }
            }
        }
        assertThat(targets).containsKeys("enrichment", "ingest", "connect");
        // Each app's --monitoring-port default, and the port the Connect worker's agent is given.
        assertThat(targets.get("enrichment")).isEqualTo(NewsPipeline.commandLine().getSubcommands().get("enrich")
                .getCommandSpec().findOption("--monitoring-port").defaultValue());
        assertThat(targets.get("ingest")).isEqualTo(NewsPipeline.commandLine().getSubcommands().get("ingest")
                .getCommandSpec().findOption("--monitoring-port").defaultValue());
        assertThat(environment("connect").get("KAFKA_OPTS"))
                .contains("-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=" + targets.get("connect") + ":");
        assertThat((List<String>) prometheus.get("rule_files")).allSatisfy(rules -> assertThat(
                ((List<String>) services.get("prometheus").get("volumes")).stream()
                        .anyMatch(volume -> volume.contains(":" + rules))).as(rules).isTrue());
        assertThat(services).containsKeys("prometheus", "grafana");
    }

    /**
     * The pipeline as compose runs it (the {@code ingest} and {@code enrich} commands, a Connect worker with the JMX
     * exporter agent and its rules) carries a story to the store; every metric the dashboard and the alert rules
     * name is one of those the three endpoints then serve.
     */
    @Test
    void theDashboardAndTheAlertsQueryOnlyMetricsTheStagesExport(@TempDir Path work) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", KafkaTestCluster.shared().bootstrapServers());
        settings.put(RegistrySerdes.REGISTRY_URL, TestRegistry.shared().apiUrl());
        SetupCommand.prepare(settings);
        List<String> common = List.of("--set", "bootstrap.servers=" + settings.get("bootstrap.servers"),
                "--set", RegistrySerdes.REGISTRY_URL + "=" + settings.get(RegistrySerdes.REGISTRY_URL));
        int enrichPort = freePort();
        int ingestPort = freePort();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        String instance = "compose-metrics-" + UUID.randomUUID();
        List<String> enrichArgs = new ArrayList<>(List.of("enrich", "--monitoring-host", "127.0.0.1",
                "--monitoring-port", String.valueOf(enrichPort), "--set", "application.id=" + instance,
                "--set", "state.dir=" + work.resolve("state"), "--set", "replication.factor=1"));
        enrichArgs.addAll(common);
        List<String> ingestArgs = new ArrayList<>(List.of("ingest", "--watch", inbox.toString(),
                "--monitoring-host", "127.0.0.1", "--monitoring-port", String.valueOf(ingestPort)));
        ingestArgs.addAll(common);
        Path database = work.resolve("articles.db");
        try (CliProcess enrich = CliProcess.start(enrichArgs); CliProcess ingest = CliProcess.start(ingestArgs);
             LocalConnectWorker connect = LocalConnectWorker.start(KafkaTestCluster.shared().bootstrapServers(),
                     work.resolve("connect"), work.resolve("logs"), LocalStages.sinkConnectorConfig(database,
                             KafkaTestCluster.shared().bootstrapServers(), TestRegistry.shared().apiUrl()))) {
            enrich.awaitLine(Pattern.compile("enrich: /metrics and /health on port"), STARTUP);
            ingest.awaitLine(Pattern.compile("ingest: watching"), STARTUP);
            String id = "compose-" + UUID.randomUUID();
            Files.writeString(inbox.resolve(id + ".txt"), "Harbour reopens " + id
                    + "\n\nThe harbour in Sidon reopened on Monday after 3 weeks of repairs costing $2 million.\n");
            await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> count(database) > 0);

            Set<String> exported = new TreeSet<>();
            for (URI endpoint : List.of(URI.create("http://127.0.0.1:" + enrichPort + "/metrics"),
                    URI.create("http://127.0.0.1:" + ingestPort + "/metrics"), connect.metricsUrl())) {
                exported.addAll(metricNames(scrape(endpoint)));
            }
            Files.write(Path.of("target", "exported-metrics.txt"), exported); // for whoever reads a failure
            Set<String> queried = new TreeSet<>();
            queried.addAll(dashboardMetrics());
            queried.addAll(alertMetrics());
            // Prometheus' own series for each target's scrape.
            queried.remove("up");
            assertThat(queried).as("metrics the dashboard and the alerts query").isNotEmpty();
            assertThat(exported).as("what the stages export").containsAll(queried);
            enrich.stop(Duration.ofSeconds(60));
            ingest.stop(Duration.ofSeconds(60));
        }
    }

    private static long count(Path database) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM articles")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static String scrape(URI endpoint) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The names of the series in a Prometheus text-format scrape. */
    static Set<String> metricNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> dashboardMetrics() throws IOException {
        Map<String, Object> dashboard = new ObjectMapper().readValue(
                ROOT.resolve("deploy/grafana/dashboards/newsflow.json").toFile(), Map.class);
        Set<String> metrics = new TreeSet<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.getOrDefault("targets", List.of())) {
                metrics.addAll(PromQl.metricNames((String) target.get("expr")));
            }
        }
        return metrics;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> alertMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml("deploy/prometheus/alerts.yml").get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                metrics.addAll(PromQl.metricNames((String) rule.get("expr")));
            }
        }
        return metrics;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        environment.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }
}
