package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code news-pipeline registry} as a user runs it. Its schemas live in its data directory, so stopping and starting
 * it changes no id, and the records written before the restart stay readable by consumers that start after it.
 * The records go to a broker of this class's own: their ids are this registry's, which the JVM's shared registry
 * does not know.
 */
class RegistryCommandTest {

    private static final Pattern API = Pattern.compile("registry: API (https?://\\S+)");
    /** The command's first line of its own: the API's URL once it runs, or why it could not start. */
    private static final Pattern FIRST_LINE = Pattern.compile("^registry: .*");
    /** A registry start takes seconds on an idle machine; a busy one can take a minute or two. */
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<CliProcess> processes = new ArrayList<>();

    private static KafkaTestCluster kafka;

    @TempDir
    Path work;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaTestCluster.start(1);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(CliProcess::close);
    }

    @Test
    void keepsEveryIdAcrossARestartSoRecordsWrittenBeforeItStayReadable() throws Exception {
        Path data = work.resolve("registry");
        int port = freePort();
        CliProcess registry = startRegistry(data, port);
        String apiUrl = registry.awaitLine(API, STARTUP).group(1);
        assertThat(apiUrl).isEqualTo("http://127.0.0.1:" + port + "/apis/registry/v3");
        assertThat(get(ccompat(apiUrl) + "/subjects").statusCode()).isEqualTo(200);

        // A second registry on the same data is refused with the reason, and so is one on a taken port.
        CliProcess intruder = startRegistry(data, freePort());
        assertThat(intruder.awaitLine(FIRST_LINE, STARTUP).group()).contains("data directory "
                + data.toAbsolutePath().normalize() + " is in use by another registry");
        assertThat(intruder.awaitExit(SHUTDOWN)).isEqualTo(1);
        CliProcess samePort = startRegistry(work.resolve("elsewhere"), port);
        assertThat(samePort.awaitLine(FIRST_LINE, STARTUP).group()).contains("cannot listen on 127.0.0.1:" + port);
        assertThat(samePort.awaitExit(SHUTDOWN)).isEqualTo(1);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put(RegistrySerdes.REGISTRY_URL, apiUrl);
        SetupCommand.prepare(settings);
        Map<String, Integer> registeredIds = registerCurrentSchemas(apiUrl);

        Map<String, String> headlines = ingestStories(settings, 3);
        Map<String, byte[]> written = rawRecords(headlines.keySet());
        assertThat(written).hasSameSizeAs(headlines);
        Map<Integer, Schema> schemasBefore = schemasByIdIn(written, apiUrl);
        assertThat(schemasBefore.values()).containsOnly(RawArticle.getClassSchema());

        registry.stop(SHUTDOWN);
        assertThat(data.resolve("registry.mv.db")).isNotEmptyFile();
        startRegistry(data, port).awaitLine(API, STARTUP);

        // Every id in the records names the same schema as before the restart...
        assertThat(schemasByIdIn(written, apiUrl)).isEqualTo(schemasBefore);
        // ...so a consumer that starts now, with nothing cached, reads every record written before it.
        try (Deserializer<RawArticle> fresh = RegistrySerdes.valueDeserializer(apiUrl)) {
            written.forEach((id, value) -> {
                RawArticle article = fresh.deserialize(Topics.RAW, value);
                assertThat(article.getId()).isEqualTo(id);
                assertThat(article.getHeadline()).isEqualTo(headlines.get(id));
            });
        }
        // And setup, run again, finds every schema where it was; a producer that starts now writes the old id.
        SetupCommand.prepare(settings);
        assertThat(registerCurrentSchemas(apiUrl)).isEqualTo(registeredIds);
        Map<String, String> later = ingestStories(settings, 1);
        assertThat(rawRecords(later.keySet()).values()).extracting(RegistryCommandTest::schemaId)
                .containsOnlyElementsOf(schemasBefore.keySet());
    }

    @Test
    void setupRunsAgainOnARegistryThatLostItsSchemas() throws Exception {
        try (RegistryServer registry = RegistryServer.start(work.resolve("memory"), null)) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("bootstrap.servers", kafka.bootstrapServers());
            settings.put(RegistrySerdes.REGISTRY_URL, registry.apiUrl());
            SetupCommand.prepare(settings);

            registry.restart();
            assertThat(get(registry.ccompatUrl() + "/subjects").body()).as("kept in memory, lost").isEqualTo("[]");

            SetupCommand.prepare(settings);
            List<String> subjects = SchemaRegistration.currentValueSchemas().keySet().stream()
                    .map(SchemaRegistration::subject).toList();
            assertThat(JSON.readValue(get(registry.ccompatUrl() + "/subjects").body(), List.class))
                    .containsExactlyInAnyOrderElementsOf(subjects);
            assertThat(get(registry.ccompatUrl() + "/config").body()).contains("BACKWARD");
        }
    }

    @Test
    void servesItsApiOverHttpsOnlyWithAKeyStoreWhosePasswordStaysOffEveryCommandLine() throws Exception {
        Path keyStore = work.resolve("registry.p12");
        Path trustStore = work.resolve("trust.p12");
        String password = "key-store-" + UUID.randomUUID();
        TlsMaterial.generate(keyStore, password, trustStore, "trust-store-password");
        Path passwordFile = Files.writeString(work.resolve("key-store.password"), password + "\n");
        int port = freePort();
        CliProcess registry = startRegistry(work.resolve("tls"), port, "--key-store", keyStore.toString(),
                "--key-store-password-file", passwordFile.toString());

        String apiUrl = registry.awaitLine(API, STARTUP).group(1);
        assertThat(apiUrl).isEqualTo("https://127.0.0.1:" + port + "/apis/registry/v3");
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(trustStore, "trust-store-password")).build();
        HttpResponse<String> subjects = trusting.send(HttpRequest.newBuilder(URI.create(ccompat(apiUrl) + "/subjects"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> get("http://127.0.0.1:" + port + "/apis/ccompat/v7/subjects"))
                .as("plain HTTP on the API's port").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(ccompat(apiUrl) + "/subjects"))
                .as("a client that does not trust the certificate").isInstanceOf(IOException.class);
        assertThat(registry.commandLines()).hasSizeGreaterThan(1).noneMatch(line -> line.contains(password));
    }

    @Test
    void refusesAKeyStoreWithoutItsPasswordFile() throws Exception {
        CliProcess registry = startRegistry(work.resolve("no-password"), freePort(),
                "--key-store", work.resolve("registry.p12").toString());
        assertThat(registry.awaitLine(FIRST_LINE, SHUTDOWN).group())
                .isEqualTo("registry: --key-store and --key-store-password-file go together");
        assertThat(registry.awaitExit(SHUTDOWN)).isEqualTo(2);
    }

    private static SSLContext trusting(Path trustStore, String password) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(trustStore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private CliProcess startRegistry(Path data, int port, String... options) {
        List<String> args = new ArrayList<>(List.of("registry", "--data-dir", data.toString(),
                "--port", String.valueOf(port)));
        args.addAll(List.of(options));
        CliProcess process = CliProcess.start(args);
        processes.add(process);
        return process;
    }

    /** Registers every current schema again: the registry answers with the id it already gave. */
    private static Map<String, Integer> registerCurrentSchemas(String apiUrl) {
        SchemaRegistration registration = SchemaRegistration.forRegistryUrl(apiUrl);
        Map<String, Integer> ids = new TreeMap<>();
        SchemaRegistration.currentValueSchemas().forEach((topic, schema) ->
                ids.put(SchemaRegistration.subject(topic), registration.register(SchemaRegistration.subject(topic), schema)));
        return ids;
    }

    /** Publishes {@code count} new stories the way {@code ingest} does; returns their headlines by article id. */
    private Map<String, String> ingestStories(Map<String, Object> settings, int count) throws IOException {
        Path stories = Files.createTempDirectory(work, "stories");
        String run = UUID.randomUUID().toString();
        for (int i = 1; i <= count; i++) {
            Files.writeString(stories.resolve("story-" + i + ".txt"),
                    "Registry restart drill " + i + "\n\nDrill " + run + " number " + i + " counted 40 boats.\n");
        }
        Map<String, String> headlines = new ConcurrentHashMap<>();
        IngestRun.ingest(settings, List.of(stories), new IngestListener() {
            @Override
            public void published(RawArticle article) {
                headlines.put(article.getId(), article.getHeadline());
            }
        });
        assertThat(headlines).hasSize(count);
        return headlines;
    }

    /** The values on news.raw keyed with one of {@code ids}, as written. */
    private static Map<String, byte[]> rawRecords(Set<String> ids) {
        Map<String, byte[]> values = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW).stream()
                    .map(info -> new TopicPartition(Topics.RAW, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(record.key())) {
                        values.put(record.key(), record.value());
                    }
                }
            }
        }
        return values;
    }

    /**
     * What the registry's Confluent-compatible API answers for each schema id the values carry, parsed as a Confluent
     * consumer would: the serializer registers named types it nests (the format enum) as references of their own.
     */
    private Map<Integer, Schema> schemasByIdIn(Map<String, byte[]> values, String apiUrl) throws Exception {
        Map<Integer, Schema> schemas = new TreeMap<>();
        for (byte[] value : values.values()) {
            int id = schemaId(value);
            Map<?, ?> answer = getJson(ccompat(apiUrl) + "/schemas/ids/" + id);
            Schema.Parser parser = new Schema.Parser();
            List<?> references = answer.get("references") == null ? List.of() : (List<?>) answer.get("references");
            for (Object reference : references) {
                Map<?, ?> named = (Map<?, ?>) reference;
                parser.parse((String) getJson(ccompat(apiUrl) + "/subjects/" + named.get("subject") + "/versions/"
                        + named.get("version")).get("schema"));
            }
            schemas.put(id, parser.parse((String) answer.get("schema")));
        }
        return schemas;
    }

    private static int schemaId(byte[] value) {
        ByteBuffer wire = ByteBuffer.wrap(value);
        assertThat(wire.get()).as("magic byte").isZero();
        return wire.getInt();
    }

    private Map<?, ?> getJson(String url) throws Exception {
        HttpResponse<String> answer = get(url);
        assertThat(answer.statusCode()).as("GET %s: %s", url, answer.body()).isEqualTo(200);
        return JSON.readValue(answer.body(), Map.class);
    }

    private static String ccompat(String apiUrl) {
        return apiUrl.replace("/apis/registry/v3", "/apis/ccompat/v7");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
