package io.newsflow.enrichment;

import static io.newsflow.enrichment.ArticleEnricherTest.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.extraction.Extractor;
import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Headers;
import org.apache.logging.log4j.Level;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology on TopologyTestDriver, with the real registry behind its Avro serdes. */
class EnrichmentTopologyTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:15:30Z");

    private static Extractor extractor;
    private static EnrichmentConfig config;

    private EnrichmentMetrics metrics;
    private ArticleEnricher enricher;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, byte[]> enrichedBytes;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeAll
    static void loadOnce() {
        extractor = Extractor.load();
        config = new EnrichmentConfig(Map.of(
                EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                EnrichmentConfig.REGISTRY_URL_CONFIG, TestRegistry.shared().apiUrl(),
                EnrichmentConfig.DEDUP_WINDOW_MS_CONFIG, Duration.ofHours(1).toMillis(),
                EnrichmentConfig.MAX_ARTICLE_CHARS_CONFIG, 10_000));
    }

    @TempDir
    Path stateDir;

    @BeforeAll
    static void setUpTheRegistry() {
        // As setup does: the registry knows news.raw-value, so an id it does not know is the record's fault.
        SchemaRegistration.forRegistryUrl(TestRegistry.shared().apiUrl()).registerAll();
    }

    @BeforeEach
    void startDriver() {
        startDriver(extractor::extract, config.extractionTimeout());
    }

    private void startDriver(ArticleEnricher.ExtractionStep extraction, Duration budget) {
        startDriver(config, extraction, budget);
    }

    private void startDriver(EnrichmentConfig config, ArticleEnricher.ExtractionStep extraction, Duration budget) {
        if (driver != null) {
            driver.close();
        }
        metrics = new EnrichmentMetrics();
        enricher = new ArticleEnricher(extraction, config.maxArticleChars(), budget, Clock.fixed(NOW, ZoneOffset.UTC));
        Properties props = config.streamsProperties(metrics);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // The guarantee does not change what the topology does; EnrichmentIntegrationTest checks the dead letters
        // under exactly_once_v2 on a real broker.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        driver = new TopologyTestDriver(EnrichmentTopology.build(config, enricher, metrics), props, NOW);
        Serde<RawArticle> rawSerde = RegistrySerdes.valueSerde(TestRegistry.shared().apiUrl());
        Serde<EnrichedArticle> enrichedSerde = RegistrySerdes.valueSerde(TestRegistry.shared().apiUrl());
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), rawSerde.serializer());
        rawBytes = driver.createInputTopic(Topics.RAW, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(), enrichedSerde.deserializer());
        enrichedBytes = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void enrichesEachArticleUnderItsId() {
        RawArticle article = article("Airline adds 12 routes", "The carrier will fly 12 new routes from May, its chief executive said.");

        raw.pipeInput(article.getId(), article);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo(article.getId());
        assertThat(out.value().getArticle()).isEqualTo(article);
        assertThat(out.value().getLanguage()).isEqualTo("en");
        assertThat(out.value().getEnrichedAt()).isEqualTo(NOW);
        assertThat(out.value().getEnricherVersion()).isEqualTo(Extractor.VERSION);
        String text = ArticleEnricher.text(article);
        assertThat(out.value().getFigures()).allSatisfy(figure ->
                assertThat(text.substring(figure.getStart(), figure.getEnd())).isEqualTo(figure.getText()));
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void languageStatedBySourceIsPassedToExtraction() {
        RawArticle article = article("Zitat", "Ein kurzer Text ohne arabische Schrift.");
        article.setLanguage("ar");

        raw.pipeInput(article.getId(), article);

        assertThat(enriched.readValue().getLanguage()).isEqualTo("ar");
    }

    @Test
    void recordThatIsNotAvroIsDeadLetteredWithItsOriginAndTheNextOneIsEnriched() {
        byte[] pill = "{\"headline\": \"this is JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8);
        RawArticle good = article("Bridge reopens", "The bridge reopened to traffic after 6 weeks of repairs.");

        rawBytes.pipeInput("pill-1", pill);
        raw.pipeInput(good.getId(), good);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("pill-1");
        assertThat(dead.value()).isEqualTo(pill);
        String reason = "not Avro in the Confluent wire format (first byte 0x7b, expected 0x00)";
        assertThat(header(dead.headers(), DeadLetterReason.HEADER)).isEqualTo(reason);
        assertThat(header(dead.headers(), "__streams.errors.exception"))
                .isEqualTo(UnprocessableArticleException.class.getName());
        assertThat(header(dead.headers(), "__streams.errors.message")).isEqualTo(reason);
        assertThat(header(dead.headers(), "__streams.errors.stacktrace")).isNotBlank();
        assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo(Topics.RAW);
        assertThat(header(dead.headers(), "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(dead.headers(), "__streams.errors.offset")).isEqualTo("0");
        assertThat(enriched.readKeyValue().key).isEqualTo(good.getId());
        assertThat(metrics.recordsIn()).isEqualTo(2);
        assertThat(metrics.deadLettered()).isEqualTo(1);
        assertThat(metrics.lastError()).isEqualTo(reason);
    }

    @Test
    void valuesTooShortToNameASchemaAreDeadLetteredAsSuch() {
        rawBytes.pipeInput("empty-value", new byte[0]);
        rawBytes.pipeInput("three-bytes", new byte[] {0, 0, 1});

        assertThat(deadLetters.readRecordsToList()).extracting(dead -> header(dead.headers(), DeadLetterReason.HEADER))
                .containsExactly("too short for a schema id (0 bytes)", "too short for a schema id (3 bytes)");
    }

    @Test
    void idTheRegistryDoesNotKnowWhileItKnowsTheSubjectIsDeadLetteredAsAnUnknownSchemaId() {
        int unknownId = 0x7fff_fff0;
        byte[] value = ByteBuffer.allocate(12).put((byte) 0).putInt(unknownId).put("payload".getBytes(StandardCharsets.UTF_8))
                .array();

        rawBytes.pipeInput("bad-id", value);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead.headers(), DeadLetterReason.HEADER)).isEqualTo("unknown schema id " + unknownId);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(metrics.registryUnavailableCount()).isZero();
        assertThat(metrics.registryDegraded()).isFalse();
    }

    @Test
    void truncatedAvroIsDeadLetteredAsNotMatchingItsSchemaNotTakenForARegistryOutage() {
        RawArticle article = article("Cut short", "This record loses its tail on the way.");
        byte[] whole = RegistrySerdes.<RawArticle>valueSerializer(TestRegistry.shared().apiUrl()).serialize(Topics.RAW, article);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

        rawBytes.pipeInput("cut-1", truncated);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("cut-1");
        assertThat(header(dead.headers(), DeadLetterReason.HEADER))
                .isEqualTo("does not match the schema (id " + schemaId(whole) + "): the value ends before the schema's last field");
        assertThat(metrics.registryUnavailableCount()).isZero();
    }

    @Test
    void recordWrittenWithAnotherTopicsSchemaIsDeadLetteredAsNotMatching() {
        RawArticle article = article("Wrong topic", "An enriched record produced to news.raw by mistake.");
        EnrichedArticle misplaced = ArticleEnricher.toEnriched(article,
                extractor.extract(ArticleEnricher.text(article), null, null), NOW);
        byte[] bytes = RegistrySerdes.<EnrichedArticle>valueSerializer(TestRegistry.shared().apiUrl())
                .serialize(Topics.ENRICHED, misplaced);

        rawBytes.pipeInput("misplaced", bytes);

        assertThat(header(deadLetters.readRecord().headers(), DeadLetterReason.HEADER)).isEqualTo(
                "does not match the schema (id " + schemaId(bytes) + "): written as " + EnrichedArticle.class.getName()
                        + ", where news.raw carries " + RawArticle.class.getName());
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void aRecordWhoseSchemaTheRegistryCannotServePastTheDeadlineIsNotDeadLetteredButFailsTheThread() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        startDriver(new EnrichmentConfig(Map.of(
                EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                EnrichmentConfig.REGISTRY_URL_CONFIG, "http://127.0.0.1:" + closedPort + "/apis/registry/v3",
                EnrichmentConfig.REGISTRY_RETRY_TIMEOUT_MS_CONFIG, 1_000)), extractor::extract, config.extractionTimeout());
        byte[] good = RegistrySerdes.<RawArticle>valueSerializer(TestRegistry.shared().apiUrl())
                .serialize(Topics.RAW, article("Good story", "Written while the registry was there."));

        assertThatThrownBy(() -> rawBytes.pipeInput("good", good)).isInstanceOf(StreamsException.class)
                .hasRootCauseInstanceOf(java.net.ConnectException.class);

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(metrics.deadLettered()).isZero();
        assertThat(metrics.registryUnavailableCount()).isPositive();
        assertThat(metrics.registryDegraded()).as("gave up, and nothing served since").isTrue();
    }

    @Test
    void anArticleWhoseEnrichedSchemaIsNotRegisteredWaitsForSetupThenIsWrittenWithSetupsId(@TempDir Path registryDir)
            throws Exception {
        try (RegistryServer notSetUp = RegistryServer.start(registryDir, null)) {
            SchemaRegistration registration = new SchemaRegistration(notSetUp.ccompatUrl());
            registration.register(SchemaRegistration.subject(Topics.RAW), RawArticle.getClassSchema());
            startDriver(new EnrichmentConfig(Map.of(
                    EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                    EnrichmentConfig.REGISTRY_URL_CONFIG, notSetUp.apiUrl(),
                    EnrichmentConfig.REGISTRY_RETRY_TIMEOUT_MS_CONFIG, 120_000)), extractor::extract,
                    config.extractionTimeout());
            RawArticle article = article("Written after setup", "The writer waits for its schema, 3 times over.");
            byte[] value = RegistrySerdes.<RawArticle>valueSerializer(notSetUp.apiUrl()).serialize(Topics.RAW, article);
            // Setup runs while the stream thread waits: only once the thread has found the schema missing.
            EnrichmentMetrics waiting = metrics;
            CompletableFuture<Map<String, Integer>> setup = CompletableFuture.supplyAsync(() -> {
                long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (waiting.registryUnavailableCount() == 0 && System.nanoTime() - giveUpAt < 0) {
                    sleep(Duration.ofMillis(50));
                }
                assertThat(registration.isRegistered(SchemaRegistration.subject(Topics.ENRICHED)))
                        .as("the waiting writer registered nothing").isFalse();
                return registration.registerAll();
            });

            rawBytes.pipeInput(article.getId(), value);

            TestRecord<String, byte[]> out = enrichedBytes.readRecord();
            assertThat(out.key()).isEqualTo(article.getId());
            assertThat(schemaId(out.value())).isEqualTo(setup.get().get(SchemaRegistration.subject(Topics.ENRICHED)));
            assertThat(deadLetters.isEmpty()).isTrue();
            assertThat(metrics.registryDegraded()).as("served again").isFalse();
        }
    }

    @Test
    void articleWithEmptyBodyIsDeadLetteredWithTheReason() {
        RawArticle empty = article("Headline without a story", "");

        raw.pipeInput(empty.getId(), empty);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(empty.getId());
        assertThat(header(dead.headers(), "__streams.errors.exception"))
                .isEqualTo(UnprocessableArticleException.class.getName());
        assertThat(header(dead.headers(), DeadLetterReason.HEADER))
                .isEqualTo("empty body: article " + empty.getId() + " has no text to enrich");
        assertThat(header(dead.headers(), "__streams.errors.message")).startsWith("empty body");
        assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo(Topics.RAW);
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(metrics.deadLettered()).isEqualTo(1);
    }

    @Test
    void aDeadLetterReplayedAfterTheFixIsEnrichedWhereARedeliveryIsDroppedAsADuplicate() {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        startDriver((text, language, date, deadline) -> {
            if (broken.get()) {
                throw new IllegalStateException("a bug in this release of the extraction");
            }
            return extractor.extract(text, language, date, deadline);
        }, config.extractionTimeout());
        RawArticle article = article("Airline adds 12 routes", "The carrier will fly 12 new routes from May.");
        raw.pipeInput(article.getId(), article);
        assertThat(deadLetters.readRecordsToList()).hasSize(1);

        broken.set(false);
        raw.pipeInput(article.getId(), article);
        assertThat(enriched.isEmpty()).isTrue();

        org.apache.kafka.common.header.internals.RecordHeaders replay = new org.apache.kafka.common.header.internals.RecordHeaders();
        replay.add(DeadLetterReason.REPLAYED_FROM_HEADER, "news.deadletter-0@0".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>(article.getId(), article, replay));
        assertThat(enriched.readRecord().key()).isEqualTo(article.getId());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void articleOverTheSizeLimitIsDeadLettered() {
        RawArticle huge = article("Budget speech in full", "word ".repeat(3_000));

        raw.pipeInput(huge.getId(), huge);

        assertThat(header(deadLetters.readRecord().headers(), DeadLetterReason.HEADER)).isEqualTo("oversized: article "
                + huge.getId() + " has 15023 chars, over the limit of 10000 (enrichment.max.article.chars)");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void articleWhoseExtractionRunsPastItsBudgetIsDeadLettered() {
        startDriver((text, language, date, deadline) -> {
            sleep(Duration.ofMillis(300));
            return extractor.extract(text, language, date, deadline);
        }, Duration.ofMillis(100));
        RawArticle slow = article("Slow", "The central bank raised rates by 25 basis points on Tuesday. ".repeat(50));

        raw.pipeInput(slow.getId(), slow);

        assertThat(header(deadLetters.readRecord().headers(), DeadLetterReason.HEADER)).isEqualTo("extraction of article "
                + slow.getId() + " ran past its budget of 100 ms (enrichment.extraction.timeout.ms)");
    }

    @Test
    void articleWhoseExtractionThrowsIsDeadLetteredWithTheCause() {
        startDriver((text, language, date, deadline) -> {
            throw new IllegalStateException("tokenizer table damaged");
        }, config.extractionTimeout());
        RawArticle article = article("Breaks", "The extractor throws on this one.");

        raw.pipeInput(article.getId(), article);

        assertThat(header(deadLetters.readRecord().headers(), DeadLetterReason.HEADER)).isEqualTo("extraction of article "
                + article.getId() + " failed: java.lang.IllegalStateException: tokenizer table damaged");
    }

    @Test
    void eachDeadLetterIsLoggedOnceAtWarnWithWhereItWasAndWhyAndNoStackTrace() {
        RawArticle empty = article("Nothing to say", " ");
        try (LogCapture log = LogCapture.start()) {
            rawBytes.pipeInput("pill", new byte[] {(byte) 0xff, 1, 2, 3, 4, 5});
            raw.pipeInput(empty.getId(), empty);

            assertThat(deadLetters.readRecordsToList()).hasSize(2);
            assertThat(log.from("io.newsflow", "org.apache.kafka.streams", "io.apicurio")).containsExactly(
                    new LogCapture.Line(Level.WARN, DeadLetterProcessingHandler.class.getName(), "dead-lettered news.raw-0@0: "
                            + "not Avro in the Confluent wire format (first byte 0xff, expected 0x00)", false),
                    new LogCapture.Line(Level.WARN, DeadLetterProcessingHandler.class.getName(), "dead-lettered news.raw-0@1: "
                            + "empty body: article " + empty.getId() + " has no text to enrich", false));
        }
    }

    @Test
    void sameStoryDeliveredAgainWithinTheWindowIsEnrichedOnce() {
        RawArticle article = article("Ferry service resumes", "Ferries resumed after 2 days of high winds.");

        raw.pipeInput(article.getId(), article, NOW);
        raw.pipeInput(article.getId(), article, NOW.plus(Duration.ofMinutes(59)));

        assertThat(enriched.readValuesToList()).hasSize(1);
        assertThat(metrics.duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void sameStoryDeliveredAfterTheWindowIsEnrichedAgain() {
        RawArticle article = article("Ferry service resumes", "Ferries resumed after 2 days of high winds.");

        raw.pipeInput(article.getId(), article, NOW);
        raw.pipeInput(article.getId(), article, NOW.plus(Duration.ofMinutes(61)));

        assertThat(enriched.readValuesToList()).hasSize(2);
    }

    @Test
    void newerVersionReplacesAndLateOlderVersionIsDropped() {
        RawArticle v1 = versioned(1, "Quake of magnitude 5.1 strikes offshore");
        RawArticle v2 = versioned(2, "Quake of magnitude 5.4 strikes offshore");
        RawArticle v3 = versioned(3, "Quake of magnitude 5.4 strikes offshore, no damage reported");

        raw.pipeInput(v2.getId(), v2, NOW);
        raw.pipeInput(v1.getId(), v1, NOW.plusSeconds(5));
        raw.pipeInput(v3.getId(), v3, NOW.plusSeconds(10));

        assertThat(enriched.readValuesToList()).extracting(e -> e.getArticle().getVersion()).containsExactly(2L, 3L);
        assertThat(metrics.staleVersionsDropped()).isEqualTo(1);
    }

    @Test
    void changedContentWithoutVersionPasses() {
        RawArticle first = article("Strike called off", "Dock workers called off a strike planned for Monday.");
        RawArticle corrected = article("Strike called off", "Dock workers called off a strike planned for Tuesday.");
        corrected.setId(first.getId());
        corrected.setContentHash("1".repeat(64));

        raw.pipeInput(first.getId(), first, NOW);
        raw.pipeInput(corrected.getId(), corrected, NOW.plusSeconds(30));

        assertThat(enriched.readValuesToList()).extracting(e -> e.getArticle().getBody())
                .containsExactly(first.getBody(), corrected.getBody());
    }

    @Test
    void tombstoneKillsTheEnrichedStoryToo() {
        raw.pipeInput("sha256:killed", (RawArticle) null);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("sha256:killed");
        assertThat(out.value()).isNull();
    }

    private static RawArticle versioned(long version, String body) {
        RawArticle article = article("Quake", body);
        article.setId("urn:newsflow:quake-7");
        article.setGuid("urn:newsflow:quake-7");
        article.setVersion(version);
        article.setContentHash(String.valueOf(version).repeat(64));
        return article;
    }

    private static int schemaId(byte[] wireFormat) {
        return ByteBuffer.wrap(wireFormat, 1, 4).getInt();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String header(Headers headers, String name) {
        return headers.lastHeader(name) == null ? null
                : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
