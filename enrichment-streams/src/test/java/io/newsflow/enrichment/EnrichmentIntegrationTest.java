package io.newsflow.enrichment;

import static io.newsflow.enrichment.EnrichmentTopologyTest.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.extraction.Extractor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Figure;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Story files through the ingest stage and the enrichment app on a real broker and registry. */
class EnrichmentIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static KafkaTestCluster kafka;
    private static String registryUrl;
    private static Extractor extractor;
    private static EnrichmentApp app;

    @BeforeAll
    static void startApp(@TempDir Path stateDir) throws InterruptedException {
        kafka = KafkaTestCluster.shared();
        registryUrl = TestRegistry.shared().apiUrl();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Topics.ensureCreated(admin);
        }
        SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
        extractor = Extractor.load();
        app = new EnrichmentApp(new EnrichmentConfig(Map.of(
                EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                EnrichmentConfig.REGISTRY_URL_CONFIG, registryUrl,
                EnrichmentConfig.OPS_INTERVAL_MS_CONFIG, 500,
                "state.dir", stateDir.toString())), extractor);
        app.start();
        assertThat(app.awaitRunning(TIMEOUT)).as("enrichment app running").isTrue();
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void storyFilesComeOutEnrichedWithLanguageAndWhatExtractionFound(@TempDir Path drop) throws IOException {
        for (String story : List.of("water-tariff.txt", "clinic-opens.txt")) {
            try (InputStream in = getClass().getResourceAsStream("/stories/" + story)) {
                Files.copy(in, drop.resolve(story));
            }
        }

        IngestSummary summary = IngestRun.ingest(Map.of(
                IngestConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                IngestConfig.REGISTRY_URL_CONFIG, registryUrl), List.of(drop), IngestListener.NONE);
        assertThat(summary.published()).isEqualTo(2);

        Map<String, EnrichedArticle> bySource = readEnriched(
                record -> record.value().getArticle().getSource().startsWith(drop.toString()), 2)
                .stream().collect(Collectors.toMap(e -> Path.of(e.getArticle().getSource()).getFileName().toString(), e -> e));

        // What a reader of the two stories would mark, written by hand: the dateline's place, the organization and
        // the figures with their values. Other findings are allowed, so a better model does not break the test.
        EnrichedArticle water = bySource.get("water-tariff.txt");
        assertThat(water.getLanguage()).isEqualTo("en");
        assertThat(water.getArticle().getDateline()).contains("ELMHURST");
        assertThat(figures(water)).contains("PERCENT 6.0 6%", "QUANTITY 500.0 500 cubic metres",
                "COUNT 1140.0 1,140 businesses", "NUMBER 2300000.0 2.3 million");

        EnrichedArticle clinic = bySource.get("clinic-opens.txt");
        assertThat(clinic.getLanguage()).isEqualTo("ar");
        assertThat(clinic.getArticle().getDateline()).contains("العين");
        assertThat(entities(clinic)).anyMatch(entity -> entity.startsWith("ORGANIZATION هيئة الصحة"));
        assertThat(figures(clinic)).contains("COUNT 12.0 12 قرية", "COUNT 9000.0 9000 نسمة", "DURATION 6.0 6 أيام");
        assertThat(bySource.values()).allSatisfy(enriched ->
                assertThat(enriched.getEnricherVersion()).isEqualTo(Extractor.VERSION));
    }

    /** Each entity as "TYPE text". */
    private static List<String> entities(EnrichedArticle enriched) {
        return enriched.getEntities().stream().map(entity -> entity.getType() + " " + entity.getText()).toList();
    }

    /** Each figure as "KIND value text", the text's line breaks as spaces. */
    private static List<String> figures(EnrichedArticle enriched) {
        return enriched.getFigures().stream().map(figure -> figure.getKind() + " " + figure.getValue() + " "
                + figure.getText().toString().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void poisonPillAndEmptyBodyAreDeadLetteredAndEveryGoodRecordIsEnrichedOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        Serializer<RawArticle> avro = RegistrySerdes.valueSerializer(registryUrl);
        Map<String, RecordMetadata> sent = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 30; i++) {
                if (i == 10) {
                    sent.put(run + "/pill", producer.send(new ProducerRecord<>(Topics.RAW, run + "/pill",
                            "<story>not Avro</story>".getBytes(StandardCharsets.UTF_8))).get());
                }
                if (i == 20) {
                    RawArticle empty = ArticleEnricherTest.article("A headline and no story", "");
                    empty.setId(run + "/empty");
                    sent.put(empty.getId(), producer.send(new ProducerRecord<>(Topics.RAW, empty.getId(),
                            avro.serialize(Topics.RAW, empty))).get());
                }
                RawArticle good = ArticleEnricherTest.article("Market report " + i,
                        "Shares of " + (i + 3) + " companies rose by " + i + "% in early trading.");
                good.setId(run + "/good-" + i);
                producer.send(new ProducerRecord<>(Topics.RAW, good.getId(), avro.serialize(Topics.RAW, good)));
            }
        }

        List<EnrichedArticle> enriched = readEnriched(record -> record.key().startsWith(run), 30);
        assertThat(enriched).extracting(e -> e.getArticle().getId()).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith(run + "/good-"));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readCommitted(kafka.bootstrapServers(),
                Topics.DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer(),
                record -> record.key() != null && record.key().startsWith(run), 2, TIMEOUT);
        Map<String, ConsumerRecord<String, byte[]>> byKey = dead.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, record -> record));
        assertThat(byKey.keySet()).isEqualTo(Set.of(run + "/pill", run + "/empty"));
        for (var entry : byKey.entrySet()) {
            RecordMetadata origin = sent.get(entry.getKey());
            var headers = entry.getValue().headers();
            assertThat(header(headers, "__streams.errors.topic")).isEqualTo(Topics.RAW);
            assertThat(header(headers, "__streams.errors.partition")).isEqualTo(String.valueOf(origin.partition()));
            assertThat(header(headers, "__streams.errors.offset")).isEqualTo(String.valueOf(origin.offset()));
            assertThat(header(headers, "__streams.errors.exception")).isNotBlank();
        }
        assertThat(byKey.get(run + "/pill").value()).asString(StandardCharsets.UTF_8).isEqualTo("<story>not Avro</story>");
        assertThat(header(byKey.get(run + "/empty").headers(), "__streams.errors.message")).startsWith("empty body");
        assertThat(header(byKey.get(run + "/pill").headers(), DeadLetterReason.HEADER))
                .isEqualTo("not Avro in the Confluent wire format (first byte 0x3c, expected 0x00)");
        assertThat(header(byKey.get(run + "/empty").headers(), DeadLetterReason.HEADER))
                .isEqualTo("empty body: article " + run + "/empty has no text to enrich");
        assertThat(app.state().isRunningOrRebalancing()).isTrue();

        OpsEvent report = firstOpsReport(ops -> ops.getDeadLettered() >= 2 && ops.getRecordsOut() >= 30);
        assertThat(report.getStage()).isEqualTo("enrichment");
        assertThat(report.getState()).isEqualTo("RUNNING");
        assertThat(report.getRecordsIn()).isGreaterThanOrEqualTo(32);
        assertThat(report.getLastError()).isNotBlank();
    }

    @Test
    void randomBytesAreDeadLetteredWithTheirReasonAndLoggedInOneLine() throws Exception {
        String run = UUID.randomUUID().toString();
        byte[] noise = new byte[64];
        new java.util.Random(20261206L).nextBytes(noise);
        assertThat(noise[0]).as("the seed's first byte is not the wire format's magic byte").isNotZero();
        RawArticle after = ArticleEnricherTest.article("After the noise", "The port handled 12 ships on Sunday.");
        after.setId(run + "/after");

        try (LogCapture log = LogCapture.start()) {
            RecordMetadata origin;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                origin = producer.send(new ProducerRecord<>(Topics.RAW, run + "/noise", noise)).get();
                producer.send(new ProducerRecord<>(Topics.RAW, after.getId(),
                        RegistrySerdes.<RawArticle>valueSerializer(registryUrl).serialize(Topics.RAW, after))).get();
            }

            ConsumerRecord<String, byte[]> dead = TopicReader.readCommitted(kafka.bootstrapServers(),
                    Topics.DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer(),
                    record -> (run + "/noise").equals(record.key()), 1, TIMEOUT).get(0);
            // The next record of the stream is enriched: the app went on, and everything it logged for the noise
            // was logged by now.
            readEnriched(record -> record.key().equals(after.getId()), 1);

            String reason = String.format("not Avro in the Confluent wire format (first byte 0x%02x, expected 0x00)",
                    noise[0] & 0xff);
            assertThat(dead.value()).isEqualTo(noise);
            assertThat(header(dead.headers(), DeadLetterReason.HEADER)).isEqualTo(reason);
            assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo(Topics.RAW);
            assertThat(header(dead.headers(), "__streams.errors.offset")).isEqualTo(String.valueOf(origin.offset()));
            assertThat(log.from("io.newsflow", "org.apache.kafka.streams", "io.apicurio")).containsExactly(
                    new LogCapture.Line(Level.WARN, DeadLetterProcessingHandler.class.getName(), "dead-lettered "
                            + Topics.RAW + "-" + origin.partition() + "@" + origin.offset() + ": " + reason, false));
        }
    }

    @Test
    void everyTopicReadsAsAConfluentClientReadsItWithTheSchemaSetupRegistered(@TempDir Path drop) throws Exception {
        RawArticle story = ingestAStoryOfItsOwn(drop);
        EnrichedArticle enriched = readEnriched(record -> record.key().equals(story.getId()), 1).get(0);
        SchemaRegistration setup = SchemaRegistration.forRegistryUrl(registryUrl);
        ConfluentStyleReader confluent = new ConfluentStyleReader(TestRegistry.shared().ccompatUrl());

        ConfluentStyleReader.Value raw = confluent.read(awaitBytes(Topics.RAW, story.getId()));
        assertThat(raw.schemaId()).isEqualTo(setup.registeredId(SchemaRegistration.subject(Topics.RAW),
                RawArticle.getClassSchema()).orElseThrow());
        assertThat(raw.record().get("headline")).hasToString(story.getHeadline());
        assertThat(raw.record().get("format")).hasToString(story.getFormat().name());

        ConfluentStyleReader.Value out = confluent.read(awaitBytes(Topics.ENRICHED, story.getId()));
        assertThat(out.schemaId()).isEqualTo(setup.registeredId(SchemaRegistration.subject(Topics.ENRICHED),
                EnrichedArticle.getClassSchema()).orElseThrow());
        assertThat(((GenericRecord) out.record().get("article")).get("body")).hasToString(story.getBody());
        assertThat(out.record().get("language")).hasToString("ar");
        assertThat(((List<?>) out.record().get("entities")).stream()
                .map(entity -> String.valueOf(((GenericRecord) entity).get("canonicalId"))).toList())
                .isNotEmpty()
                .isEqualTo(enriched.getEntities().stream().map(entity -> String.valueOf(entity.getCanonicalId())).toList());
        assertThat(((List<?>) out.record().get("figures")).stream()
                .map(figure -> String.valueOf(((GenericRecord) figure).get("text"))).toList())
                .isNotEmpty()
                .isEqualTo(enriched.getFigures().stream().map(Figure::getText).toList());

        String reporter = "enrichment/" + app.instanceId();
        ConfluentStyleReader.Value report = confluent.read(awaitBytes(Topics.OPS, reporter));
        assertThat(report.schemaId()).isEqualTo(setup.registeredId(SchemaRegistration.subject(Topics.OPS),
                OpsEvent.getClassSchema()).orElseThrow());
        assertThat(report.record().get("stage")).hasToString("enrichment");
        assertThat(report.record().get("instanceId")).hasToString(app.instanceId());
    }

    /**
     * Runs where node and npm do, downloading Confluent's Schema Registry client and kafkajs from npm (which nothing
     * else in the build needs; {@code -Dnewsflow.confluent.js=false} skips it). The client is the one a downstream
     * JavaScript developer would pick, and kafkajs reads no codec but gzip without plugins.
     */
    @Test
    void aConfluentJavaScriptClientReadsNewsEnriched(@TempDir Path drop) throws Exception {
        assumeTrue(!"false".equals(System.getProperty("newsflow.confluent.js")),
                "skipped with -Dnewsflow.confluent.js=false");
        assumeTrue(runs("node", "--version") && runs("npm", "--version"), "node and npm are not on PATH");
        Path client = installJavaScriptClient();
        RawArticle story = ingestAStoryOfItsOwn(drop);
        EnrichedArticle enriched = readEnriched(record -> record.key().equals(story.getId()), 1).get(0);

        Path out = drop.resolve("node.out");
        Path err = drop.resolve("node.err");
        Process node = new ProcessBuilder("node", client.resolve("read-record.mjs").toString(),
                kafka.bootstrapServers(), TestRegistry.shared().ccompatUrl(), Topics.ENRICHED, story.getId())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean exited = node.waitFor(4, TimeUnit.MINUTES);
        if (!exited) {
            node.destroyForcibly().waitFor();
        }
        assertThat(exited ? node.exitValue() : -1).as("node exit; stdout: %s; stderr: %s", Files.readString(out),
                Files.readString(err)).isZero();

        JsonNode read = new ObjectMapper().readTree(Files.readString(out));
        assertThat(read.get("schemaId").asInt()).isEqualTo(SchemaRegistration.forRegistryUrl(registryUrl)
                .registeredId(SchemaRegistration.subject(Topics.ENRICHED), EnrichedArticle.getClassSchema())
                .orElseThrow());
        assertThat(read.at("/value/article/headline").asText()).isEqualTo(story.getHeadline());
        assertThat(read.at("/value/language").asText()).isEqualTo("ar");
        List<String> figures = new ArrayList<>();
        read.at("/value/figures").forEach(figure -> figures.add(figure.get("text").asText()));
        assertThat(figures).isNotEmpty().isEqualTo(enriched.getFigures().stream().map(Figure::getText).toList());
    }

    /** The client's package and script, from src/test/js, installed under target/ by npm. */
    private static Path installJavaScriptClient() throws IOException, InterruptedException {
        Path source = Path.of("src/test/js/confluent-client");
        Path client = Files.createDirectories(Path.of("target/confluent-client"));
        for (String file : List.of("package.json", "read-record.mjs")) {
            Files.copy(source.resolve(file), client.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = client.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-package-lock")
                .directory(client.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = npm.waitFor(10, TimeUnit.MINUTES);
        if (!exited) {
            npm.destroyForcibly().waitFor();
        }
        assertThat(exited ? npm.exitValue() : -1).as("npm install: %s", Files.readString(log)).isZero();
        return client;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * An Arabic story published by the ingest stage: the test resources' clinic story with a line of its own, so
     * that it is not a duplicate of the one another test ingests.
     */
    private static RawArticle ingestAStoryOfItsOwn(Path drop) throws IOException {
        try (InputStream in = EnrichmentIntegrationTest.class.getResourceAsStream("/stories/clinic-opens.txt")) {
            Files.writeString(drop.resolve("clinic-opens.txt"), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    + "\n" + UUID.randomUUID() + "\n");
        }
        List<RawArticle> published = new ArrayList<>();
        IngestRun.ingest(Map.of(
                IngestConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                IngestConfig.REGISTRY_URL_CONFIG, registryUrl), List.of(drop), new IngestListener() {
                    @Override
                    public void published(RawArticle article) {
                        published.add(article);
                    }
                });
        assertThat(published).hasSize(1);
        return published.get(0);
    }

    private static byte[] awaitBytes(String topic, String key) {
        return TopicReader.awaitFirst(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new ByteArrayDeserializer(), record -> key.equals(record.key()), TIMEOUT).value();
    }

    /** Waits for a report of this test's instance that satisfies {@code condition}. */
    private static OpsEvent firstOpsReport(java.util.function.Predicate<OpsEvent> condition) {
        Deserializer<OpsEvent> values = RegistrySerdes.valueDeserializer(registryUrl);
        return TopicReader.awaitFirst(kafka.bootstrapServers(), Topics.OPS, new StringDeserializer(), values,
                record -> record.key().equals("enrichment/" + app.instanceId()) && condition.test(record.value()),
                TIMEOUT).value();
    }

    private static List<EnrichedArticle> readEnriched(
            java.util.function.Predicate<ConsumerRecord<String, EnrichedArticle>> matching, int expected) {
        Deserializer<EnrichedArticle> values = RegistrySerdes.valueDeserializer(registryUrl);
        return TopicReader.readCommitted(kafka.bootstrapServers(), Topics.ENRICHED, new StringDeserializer(), values,
                matching, expected, TIMEOUT).stream().map(ConsumerRecord::value).toList();
    }
}
