package io.newsflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.NewsSinkConnector;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestPostgres;
import io.newsflow.testing.TlsMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Handler;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The pipeline on a secured cluster, as an operator deploys it: the broker's pipeline listener is SASL_SSL with
 * SCRAM-SHA-512 and a self-signed certificate, the broker authorizes each stage's principal for its own topics,
 * groups and transactional ids only, the registry serves HTTPS only, and every secret (the SCRAM passwords, the
 * truststore password, the database password, the ingest endpoint's bearer token) sits in a file that the settings
 * refer to through Kafka's {@link FileConfigProvider}, never in the settings themselves.
 *
 * <p>The ingest daemon runs as {@code news-pipeline ingest --serve} in a JVM of its own (the command line's settings
 * path), the enrichment app in this JVM from its {@link EnrichmentConfig} (the library's path), and the sink in a
 * distributed Connect worker in this JVM (Connect's path). A story posted to the endpoint must come out as its row
 * in PostgreSQL with its entities; then no secret may appear in any log line of the run (this JVM's, at INFO for
 * every logger, the ingest JVM's and the registry's) nor in any record on {@code news.ops}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaslSslPipelineTest {

    private static final String LISTENER = "SECURE";
    /** One principal per stage, each allowed only what its stage does (see {@link #grantEachStageItsRights}). */
    private static final List<String> USERS = List.of("setup", "ingest", "enrichment", "connect");
    private static final String CONNECT_GROUP = "newsflow-connect";
    private static final String CONNECTOR = "newsflow-sink";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Pattern ENDPOINT = Pattern.compile("accepting POST (http://\\S+)");
    private static final String STORY = "en-01-central-bank.txt";

    /** Fresh for each run, so that a match in a log can only be a leak of this run's secrets. */
    private final Map<String, String> scramPasswords = USERS.stream()
            .collect(Collectors.toMap(user -> user, user -> "scram-" + user + "-" + UUID.randomUUID()));
    private final String truststorePassword = "trust-" + UUID.randomUUID();
    private final String keystorePassword = "keys-" + UUID.randomUUID();
    private final String databasePassword = "db-" + UUID.randomUUID();
    private final String bearerToken = "token-" + UUID.randomUUID();

    private Path tmp;
    private Path secrets;
    private Path truststore;
    private Path testLog;
    private Path testConsole;
    private Appender testLogAppender;
    private Level rootLevel;
    private Map<String, Appender> consoleAppenders;
    private Handler[] julHandlers;
    private PrintStream stdout;
    private PrintStream stderr;
    private OutputStream consoleCopy;

    private KafkaTestCluster kafka;
    private CompletableFuture<RegistryServer> registryStarting;
    private RegistryServer registry;
    private TestPostgres postgres;
    private Connect<?> connect;
    private EnrichmentApp enrichment;
    private ChildJvm ingest;

    @BeforeAll
    void startSecuredPipeline(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        captureLogs(tmp.resolve("test-jvm.log"), tmp.resolve("test-jvm-console.log"));
        Path story = Path.of("../samples", STORY);
        assertThat(story).as("the project's sample story").exists();
        Path keystore = tmp.resolve("server.p12");
        truststore = tmp.resolve("truststore.p12");
        TlsMaterial.generate(keystore, keystorePassword, truststore, truststorePassword);
        secrets = tmp.resolve("secrets.properties");
        List<String> secretLines = new ArrayList<>(List.of("truststore.password=" + truststorePassword,
                "database.password=" + databasePassword));
        scramPasswords.forEach((user, password) -> secretLines.add("kafka." + user + ".password=" + password));
        Files.writeString(secrets, String.join("\n", secretLines) + "\n");
        Path tokenFile = Files.writeString(tmp.resolve("ingest.token"), bearerToken + "\n");

        registryStarting = CompletableFuture.supplyAsync(() -> RegistryServer
                .startTls(tmp.resolve("registry"), null, new RegistryServer.Tls(keystore, keystorePassword)));
        kafka = KafkaTestCluster.start(1, brokerListener(keystore));
        try (Admin plain = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            plain.alterUserScramCredentials(USERS.stream().<UserScramCredentialAlteration>map(user ->
                    new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                            scramPasswords.get(user))).toList()).all().get();
            grantEachStageItsRights(plain);
        }
        registry = registryStarting.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        postgres = TestPostgres.createDatabase();

        // The credentials reach the broker's listener through the metadata log: wait until a client gets in.
        Map<String, Object> client = new HashMap<>(clientSettings("setup"));
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            try (Admin admin = Admin.create(client)) {
                return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == 1;
            }
        });

        Path setupSettings = writeProperties("setup.properties", stageSettings("setup"));
        runCli("setup", List.of("setup", "--config", setupSettings.toString()));

        enrichment = new EnrichmentApp(new EnrichmentConfig(enrichmentSettings()));
        enrichment.start();
        assertThat(enrichment.awaitRunning(STARTUP)).as("enrichment app running over SASL_SSL").isTrue();

        connect = new ConnectDistributed().startConnect(workerSettings());
        putConnector();

        ingest = new ChildJvm("ingest", tmp.resolve("ingest.log"), childJvmOptions("256m"),
                "io.newsflow.pipeline.NewsPipeline", "ingest", "--serve", "--port", "0", "--monitoring-port", "0",
                "--token-file", tokenFile.toString(),
                "--config", writeProperties("ingest.properties", stageSettings("ingest")).toString(),
                "--set", "ingest.ops.interval.ms=1000").start();
    }

    @AfterAll
    void stopSecuredPipeline() {
        if (registry == null && registryStarting != null) {
            // Started before the broker, and still to be stopped when the start failed further on.
            try {
                registry = registryStarting.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("the registry did not start: " + e);
            }
        }
        for (AutoCloseable closeable : new AutoCloseable[] {ingest, () -> { if (connect != null) connect.stop(); },
                enrichment, kafka, postgres, registry}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("could not close " + closeable + ": " + e);
                }
            }
        }
        releaseLogs();
    }

    @Test
    @Order(1)
    void aStoryPostedOverTheSecuredStackIsStoredWithItsEntities() throws Exception {
        URI endpoint = URI.create(awaitLine(ingest, ENDPOINT).group(1));
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + bearerToken).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("../samples", STORY))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("answer to the post: %s", posted.body()).isEqualTo(202);

        String headline = "Bank of England holds rates at 4.25 pct as inflation cools";
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(storedEntities(headline)).as("canonical ids of the stored story's entities")
                        .contains("org:bank-of-england", "person:andrew-bailey", "org:ecb"));
    }

    @Test
    @Order(2)
    void noSecretAppearsInTheLogsOrOnTheOpsTopic() throws Exception {
        // Every stage has reported over the secured cluster by now; stopping the ingest daemon adds its last report.
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(opsStages()).contains("ingest", "enrichment", "sink"));
        ingest.close();

        Map<String, String> secretValues = new HashMap<>(Map.of("the truststore password", truststorePassword,
                "the key store password", keystorePassword, "the database password", databasePassword,
                "the ingest endpoint's token", bearerToken));
        scramPasswords.forEach((user, password) -> secretValues.put("the SCRAM password of " + user, password));
        List<Path> logs = List.of(testLog, testConsole, ingest.log(), tmp.resolve("registry").resolve("registry.log"),
                tmp.resolve("setup.log"));
        consoleCopy.flush();
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines).as("%s is not empty", log).isNotEmpty();
            for (String line : lines) {
                secretValues.forEach((what, secret) -> {
                    if (line.contains(secret)) {
                        leaks.add(what + " in " + log.getFileName() + ": " + line);
                    }
                });
            }
        }
        assertThat(Files.readString(testLog)).as("the test JVM's log holds the clients' configurations at INFO")
                .contains("sasl.jaas.config = [hidden]");

        List<ConsumerRecord<byte[], byte[]>> reports = readAll(Topics.OPS);
        assertThat(reports).isNotEmpty();
        for (ConsumerRecord<byte[], byte[]> report : reports) {
            List<byte[]> parts = new ArrayList<>();
            parts.add(report.key());
            parts.add(report.value());
            for (Header header : report.headers()) {
                parts.add(header.key().getBytes(StandardCharsets.UTF_8));
                parts.add(header.value());
            }
            String text = parts.stream().filter(part -> part != null)
                    .map(part -> new String(part, StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
            secretValues.forEach((what, secret) -> {
                if (text.contains(secret)) {
                    leaks.add(what + " in the news.ops record at offset " + report.offset());
                }
            });
        }
        // The connector's configuration as the worker stores it keeps the reference, not the database password.
        for (ConsumerRecord<byte[], byte[]> record : readAll(CONNECT_GROUP + "-configs")) {
            String text = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            secretValues.forEach((what, secret) -> {
                if (text.contains(secret)) {
                    leaks.add(what + " in the Connect worker's stored configurations at offset " + record.offset());
                }
            });
        }
        assertThat(leaks).as("secrets written where they do not belong").isEmpty();
    }

    @Test
    @Order(3)
    void aStageCannotTouchWhatIsNotItsStage() {
        Map<String, Object> ingestClient = new HashMap<>(clientSettings("ingest"));
        ingestClient.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-snooping");
        try (KafkaConsumer<byte[], byte[]> snoop = new KafkaConsumer<>(ingestClient, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            snoop.subscribe(List.of(Topics.ENRICHED));
            assertThatThrownBy(() -> snoop.poll(Duration.ofSeconds(30)))
                    .as("the ingest principal reading news.enriched").isInstanceOf(AuthorizationException.class);
        }
        Map<String, Object> enrichmentClient = new HashMap<>(clientSettings("enrichment"));
        try (Admin admin = Admin.create(enrichmentClient)) {
            assertThatThrownBy(() -> admin.deleteTopics(List.of(Topics.RAW)).all().get())
                    .as("the enrichment principal deleting news.raw").hasCauseInstanceOf(AuthorizationException.class);
        }
    }

    /**
     * Least privilege per stage, as docs/security.md lists it for {@code kafka-acls.sh}: setup creates and describes
     * the pipeline's topics; ingest writes raw stories, rejects and reports; the enrichment app reads raw stories,
     * writes enriched ones, dead letters and reports, and owns its group, transactional ids and internal topics
     * (all named from its application.id); the Connect worker owns its group and storage topics, reads enriched
     * stories for the sink's group, writes dead letters and reports. The kit's own plaintext listeners (controller,
     * inter-broker, this test's admin) authenticate no one, so their anonymous principal is the super user.
     */
    private static void grantEachStageItsRights(Admin admin) throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(Topics.RAW, Topics.ENRICHED, Topics.DEAD_LETTER, Topics.REJECTS, Topics.OPS)) {
            acls.addAll(allow("setup", ResourceType.TOPIC, topic, PatternType.LITERAL,
                    AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS));
        }
        for (String topic : List.of(Topics.RAW, Topics.REJECTS, Topics.OPS)) {
            acls.addAll(allow("ingest", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE,
                    AclOperation.DESCRIBE));
        }
        String application = EnrichmentConfig.APPLICATION_ID_DEFAULT;
        acls.addAll(allow("enrichment", ResourceType.TOPIC, Topics.RAW, PatternType.LITERAL, AclOperation.READ,
                AclOperation.DESCRIBE));
        for (String topic : List.of(Topics.ENRICHED, Topics.DEAD_LETTER, Topics.OPS)) {
            acls.addAll(allow("enrichment", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE,
                    AclOperation.DESCRIBE));
        }
        acls.addAll(allow("enrichment", ResourceType.TOPIC, application + "-", PatternType.PREFIXED,
                AclOperation.ALL));
        acls.addAll(allow("enrichment", ResourceType.GROUP, application, PatternType.LITERAL, AclOperation.READ,
                AclOperation.DESCRIBE));
        acls.addAll(allow("enrichment", ResourceType.TRANSACTIONAL_ID, application, PatternType.PREFIXED,
                AclOperation.WRITE, AclOperation.DESCRIBE));
        acls.addAll(allow("connect", ResourceType.TOPIC, CONNECT_GROUP + "-", PatternType.PREFIXED,
                AclOperation.ALL));
        acls.addAll(allow("connect", ResourceType.GROUP, CONNECT_GROUP, PatternType.LITERAL, AclOperation.READ,
                AclOperation.DESCRIBE));
        acls.addAll(allow("connect", ResourceType.GROUP, "connect-" + CONNECTOR, PatternType.LITERAL,
                AclOperation.READ, AclOperation.DESCRIBE));
        acls.addAll(allow("connect", ResourceType.TOPIC, Topics.ENRICHED, PatternType.LITERAL, AclOperation.READ,
                AclOperation.DESCRIBE));
        for (String topic : List.of(Topics.DEAD_LETTER, Topics.OPS)) {
            acls.addAll(allow("connect", ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE,
                    AclOperation.DESCRIBE));
        }
        admin.createAcls(acls).all().get();
    }

    private static List<AclBinding> allow(String user, ResourceType type, String name, PatternType pattern,
                                          AclOperation... operations) {
        ResourcePattern resource = new ResourcePattern(type, name, pattern);
        return Arrays.stream(operations).map(operation -> new AclBinding(resource,
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW))).toList();
    }

    /** The broker's pipeline listener beside the kit's plaintext one (which its own clients and admin keep). */
    private Map<String, String> brokerListener(Path keystore) {
        String prefix = "listener.name." + LISTENER.toLowerCase() + ".";
        Map<String, String> broker = new HashMap<>();
        broker.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + LISTENER + "://localhost:0");
        broker.put("authorizer.class.name", StandardAuthorizer.class.getName());
        broker.put("super.users", "User:ANONYMOUS");
        broker.put("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":SASL_SSL");
        broker.put(prefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512");
        broker.put(prefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        broker.put(prefix + "ssl.keystore.type", "PKCS12");
        broker.put(prefix + "ssl.keystore.location", keystore.toString());
        broker.put(prefix + "ssl.keystore.password", keystorePassword);
        broker.put(prefix + "ssl.key.password", keystorePassword);
        return broker;
    }

    /** Where a client finds a secret: a reference into the secrets file, resolved by the file config provider. */
    private String secret(String key) {
        return "${file:" + secrets + ":" + key + "}";
    }

    private Map<String, String> providers() {
        return Map.of("config.providers", "file", "config.providers.file.class", FileConfigProvider.class.getName());
    }

    /** A Kafka client's connection to the SASL_SSL listener as {@code user}, with its secrets as references. */
    private Map<String, String> clientSettings(String user) {
        Map<String, String> client = new LinkedHashMap<>(providers());
        client.put("bootstrap.servers", kafka.bootstrapServers(LISTENER));
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", "SCRAM-SHA-512");
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + secret("kafka." + user + ".password") + "\";");
        client.put("ssl.truststore.type", "PKCS12");
        client.put("ssl.truststore.location", truststore.toString());
        client.put("ssl.truststore.password", secret("truststore.password"));
        return client;
    }

    /** The registry client's settings: the HTTPS API and the truststore it is signed into. */
    private Map<String, String> registrySettings() {
        return Map.of(RegistrySerdes.REGISTRY_URL, registry.apiUrl(),
                "apicurio.registry.tls.truststore.type", "PKCS12",
                "apicurio.registry.tls.truststore.location", truststore.toString(),
                "apicurio.registry.tls.truststore.password", secret("truststore.password"));
    }

    private Map<String, String> stageSettings(String user) {
        Map<String, String> stage = new LinkedHashMap<>(clientSettings(user));
        stage.putAll(registrySettings());
        return stage;
    }

    private Map<String, Object> enrichmentSettings() {
        Map<String, Object> settings = new LinkedHashMap<>(stageSettings("enrichment"));
        settings.put("state.dir", tmp.resolve("streams").toString());
        settings.put(EnrichmentConfig.OPS_INTERVAL_MS_CONFIG, "1000");
        return settings;
    }

    /** A distributed worker's settings: its own clients, and its tasks' consumers and producers, each secured. */
    private Map<String, String> workerSettings() {
        Map<String, String> worker = new LinkedHashMap<>(providers());
        clientSettings("connect").forEach((key, value) -> {
            if (!key.startsWith("config.providers")) {
                worker.put(key, value);
                worker.put("consumer." + key, value);
                worker.put("producer." + key, value);
                worker.put("admin." + key, value);
            }
        });
        worker.put("group.id", CONNECT_GROUP);
        worker.put("config.storage.topic", CONNECT_GROUP + "-configs");
        worker.put("offset.storage.topic", CONNECT_GROUP + "-offsets");
        worker.put("status.storage.topic", CONNECT_GROUP + "-status");
        worker.put("config.storage.replication.factor", "1");
        worker.put("offset.storage.replication.factor", "1");
        worker.put("status.storage.replication.factor", "1");
        worker.put("key.converter", StringConverter.class.getName());
        worker.put("value.converter", ByteArrayConverter.class.getName());
        worker.put("consumer.isolation.level", "read_committed");
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("plugin.discovery", "service_load");
        worker.put("listeners", "http://127.0.0.1:" + freePort());
        return worker;
    }

    private Map<String, String> sinkSettings() {
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("connector.class", NewsSinkConnector.class.getName());
        sink.put("tasks.max", "1");
        sink.put("topics", Topics.ENRICHED);
        sink.put("connection.url", postgres.jdbcUrl());
        sink.put("connection.user", TestPostgres.USER);
        sink.put("connection.password", secret("database.password"));
        sink.put("registry.url", registry.apiUrl());
        registrySettings().forEach((key, value) -> {
            if (!key.equals(RegistrySerdes.REGISTRY_URL)) {
                sink.put(key, value);
            }
        });
        clientSettings("connect").forEach((key, value) -> {
            if (!key.startsWith("config.providers")) {
                sink.put("ops." + key, value);
            }
        });
        sink.put("ops.report.interval.ms", "1000");
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", Topics.DEAD_LETTER);
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");
        return sink;
    }

    /** Submits the sink to the worker's REST API as an operator would, and waits until its task runs. */
    private void putConnector() throws Exception {
        String rest = connect.rest().serverUrl().toString().replaceAll("/+$", "");
        String body = new ObjectMapper().writeValueAsString(sinkSettings());
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> http.send(
                HttpRequest.newBuilder(URI.create(rest + "/connectors/" + CONNECTOR + "/config"))
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2);
        HttpRequest status = HttpRequest.newBuilder(URI.create(rest + "/connectors/" + CONNECTOR + "/status")).build();
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            String answer = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
            assertThat(answer).contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"");
        });
    }

    /** {@code news-pipeline ARGS} in a JVM of its own, run to its end: it must succeed. */
    private void runCli(String name, List<String> args) throws Exception {
        ChildJvm run = new ChildJvm(name, tmp.resolve(name + ".log"), childJvmOptions("256m"),
                "io.newsflow.pipeline.NewsPipeline", args.toArray(String[]::new)).start();
        assertThat(run.waitFor(STARTUP)).as("exit status of news-pipeline %s; see %s", args, run.log()).isZero();
    }

    /** The command line's JVM, logging at INFO for every logger (its own default is quieter). */
    private List<String> childJvmOptions(String heap) throws IOException {
        Path config = tmp.resolve("child-log4j2.xml");
        if (!Files.exists(config)) {
            Files.writeString(config, """
                    <Configuration status="WARN">
                      <Appenders><Console name="Out" target="SYSTEM_ERR">
                        <PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level [%t] %c - %msg%n%throwable"/>
                      </Console></Appenders>
                      <Loggers><Root level="INFO"><AppenderRef ref="Out"/></Root></Loggers>
                    </Configuration>
                    """);
        }
        return List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + config);
    }

    private static Matcher awaitLine(ChildJvm process, Pattern pattern) {
        Matcher[] found = new Matcher[1];
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(300)).until(() -> {
            assertThat(process.isAlive()).as("%s running; see %s", process, process.log()).isTrue();
            Matcher matcher = pattern.matcher(Files.readString(process.log(), StandardCharsets.UTF_8));
            if (matcher.find()) {
                found[0] = matcher;
                return true;
            }
            return false;
        });
        return found[0];
    }

    private Set<String> storedEntities(String headline) throws Exception {
        try (Connection db = postgres.connect(); PreparedStatement statement = db.prepareStatement("""
                SELECT e.canonical_id FROM articles a JOIN article_entities e ON e.article_id = a.id
                WHERE a.headline = ? AND e.canonical_id IS NOT NULL""")) {
            statement.setString(1, headline);
            Set<String> ids = new TreeSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private Set<String> opsStages() {
        Set<String> stages = new TreeSet<>();
        Map<String, Object> registryClient = new HashMap<>(registrySettings());
        registryClient.put("apicurio.registry.tls.truststore.password", truststorePassword);
        try (Deserializer<OpsEvent> values = RegistrySerdes.valueDeserializer(registryClient)) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.OPS)) {
                stages.add(values.deserialize(Topics.OPS, record.value()).getStage());
            }
        }
        return stages;
    }

    /** Every record of {@code topic} up to its end now, read as the broker's super user. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> consumer = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofMinutes(1));
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (partitions.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
                assertThat(System.nanoTime()).as("read %s to its end in time", topic).isLessThan(deadline);
                reader.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private Path writeProperties(String file, Map<String, String> values) throws IOException {
        Path path = tmp.resolve(file);
        Files.writeString(path, values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n")));
        return path;
    }

    /**
     * Sends every log event of this JVM, at INFO and above for every logger (java.util.logging's too, where the
     * registry client logs), to {@code file} as well, while the console keeps its usual level: the clients log their
     * configurations at INFO, where a leak would show. What is printed to standard output and error goes to
     * {@code console} as well.
     */
    private void captureLogs(Path file, Path console) throws IOException {
        testLog = file;
        testConsole = console;
        consoleCopy = Files.newOutputStream(console);
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(new Tee(stdout, consoleCopy), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(stderr, consoleCopy), true, StandardCharsets.UTF_8));
        julHandlers = java.util.logging.Logger.getLogger("").getHandlers();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        testLogAppender = FileAppender.newBuilder().setName("secured-pipeline-log").withFileName(file.toString())
                .setLayout(PatternLayout.newBuilder().withPattern("%d %-5level [%t] %c - %msg%n%throwable")
                        .withConfiguration(config).build())
                .setConfiguration(config).build();
        testLogAppender.start();
        config.addAppender(testLogAppender);
        LoggerConfig root = config.getRootLogger();
        rootLevel = root.getLevel();
        consoleAppenders = new HashMap<>(root.getAppenders());
        consoleAppenders.keySet().forEach(root::removeAppender);
        consoleAppenders.values().forEach(appender -> root.addAppender(appender, rootLevel, null));
        root.addAppender(testLogAppender, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
    }

    private void releaseLogs() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(testLogAppender.getName());
        consoleAppenders.forEach((name, appender) -> {
            root.removeAppender(name);
            root.addAppender(appender, null, null);
        });
        root.setLevel(rootLevel);
        context.updateLoggers();
        testLogAppender.stop();
        SLF4JBridgeHandler.uninstall();
        for (Handler handler : julHandlers) {
            java.util.logging.Logger.getLogger("").addHandler(handler);
        }
        System.setOut(stdout);
        System.setErr(stderr);
        try {
            consoleCopy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes to the console and to a copy shared by standard output and error. */
    private static final class Tee extends OutputStream {

        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            console.flush();
            synchronized (copy) {
                copy.flush();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
