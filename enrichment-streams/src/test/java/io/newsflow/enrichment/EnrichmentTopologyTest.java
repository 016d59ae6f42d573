package io.newsflow.enrichment;

import static io.newsflow.enrichment.ArticleEnricherTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.Extractor;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology on TopologyTestDriver, with the real registry behind its Avro serdes. */
class EnrichmentTopologyTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:15:30Z");

    private static Extractor extractor;
    private static EnrichmentConfig config;

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeAll
    static void loadOnce() {
        extractor = Extractor.load();
        config = new EnrichmentConfig(Map.of(
                EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                EnrichmentConfig.REGISTRY_URL_CONFIG, TestRegistry.shared().apiUrl()));
    }

    @BeforeEach
    void startDriver() {
        ArticleEnricher enricher = new ArticleEnricher(extractor, Clock.fixed(NOW, ZoneOffset.UTC));
        Properties props = config.streamsProperties();
        // The driver (4.3.1) does not surface the dead letter of a deserialization failure under exactly_once_v2.
        // The guarantee does not change what the topology does; EnrichmentIntegrationTest checks the dead letters
        // under exactly_once_v2 on a real broker.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        driver = new TopologyTestDriver(EnrichmentTopology.build(config.serdeConfigs(), enricher), props);
        Serde<RawArticle> rawSerde = RegistrySerdes.valueSerde(TestRegistry.shared().apiUrl());
        Serde<EnrichedArticle> enrichedSerde = RegistrySerdes.valueSerde(TestRegistry.shared().apiUrl());
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), rawSerde.serializer());
        rawBytes = driver.createInputTopic(Topics.RAW, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(), enrichedSerde.deserializer());
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
        assertThat(header(dead.headers(), "__streams.errors.exception")).isNotBlank();
        assertThat(header(dead.headers(), "__streams.errors.message")).isNotBlank();
        assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo(Topics.RAW);
        assertThat(header(dead.headers(), "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(dead.headers(), "__streams.errors.offset")).isEqualTo("0");
        assertThat(enriched.readKeyValue().key).isEqualTo(good.getId());
    }

    @Test
    void articleWithEmptyBodyIsDeadLetteredWithTheReason() {
        RawArticle empty = article("Headline without a story", "");

        raw.pipeInput(empty.getId(), empty);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(empty.getId());
        assertThat(header(dead.headers(), "__streams.errors.exception"))
                .isEqualTo(UnprocessableArticleException.class.getName());
        assertThat(header(dead.headers(), "__streams.errors.message")).startsWith("empty body");
        assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo(Topics.RAW);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void tombstoneKillsTheEnrichedStoryToo() {
        raw.pipeInput("sha256:killed", (RawArticle) null);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("sha256:killed");
        assertThat(out.value()).isNull();
    }

    static String header(Headers headers, String name) {
        return headers.lastHeader(name) == null ? null
                : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
