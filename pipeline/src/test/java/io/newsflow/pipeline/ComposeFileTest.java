package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.NewsSinkConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so the production-shaped stack is checked against the applications'
 * own configuration instead: what the containers are told must be what the apps, the connector and the servers
 * expect.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
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
        assertThat(services).containsKeys("kafka", "registry", "postgres", "connect", "setup", "enrichment", "ingest");
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

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        environment.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }
}
