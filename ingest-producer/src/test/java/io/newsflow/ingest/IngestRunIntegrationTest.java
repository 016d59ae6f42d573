package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.InputFormat;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest stage against a real broker and a real registry. */
class IngestRunIntegrationTest {

    private static final List<String> STORIES = List.of("port-reopens.txt", "rail-fares.txt", "schools-open.txt");
    private static final int STORY_LIMIT = 8 * 1024;

    private static KafkaTestCluster kafka;
    private static String registryUrl;

    @BeforeAll
    static void startServers() {
        kafka = KafkaTestCluster.shared();
        registryUrl = TestRegistry.shared().apiUrl();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Topics.ensureCreated(admin);
        }
        SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
    }

    @Test
    void publishesEachGoodStoryOnceAndRejectsBadInputWithItsReason(@TempDir Path drop) throws IOException {
        copyStories(drop);
        Files.copy(drop.resolve("rail-fares.txt"), drop.resolve("rail-fares-again.txt"));
        Files.write(drop.resolve("broken-encoding.txt"), new byte[] {'T', 'i', 't', 'l', 'e', '\n', 'b', (byte) 0xFF, 'd'});
        Files.writeString(drop.resolve("headline-only.txt"), "A headline and nothing else\n");
        Files.writeString(drop.resolve("huge.txt"), "Huge\n" + "word ".repeat(STORY_LIMIT));
        Files.writeString(drop.resolve(".draft.txt.swp"), "not a story");
        Files.createDirectories(drop.resolve(".git/objects"));
        Files.writeString(drop.resolve(".git/objects/story.txt"), "Not a story\n\nbut a file under a hidden directory.");

        IngestSummary summary = IngestRun.ingest(settings(), List.of(drop), IngestListener.NONE);

        assertThat(summary).isEqualTo(new IngestSummary(7, 3, 3, 1, 0));

        List<RawArticle> published = readRaw(drop, 3);
        assertThat(published).extracting(RawArticle::getHeadline).containsExactlyInAnyOrder(
                "Harbour at Port Selwyn reopens after 3-day storm closure",
                "Regional rail fares to rise 4.5 percent from April",
                "افتتاح 3 مدارس جديدة في رأس الخيمة");
        assertThat(published).allSatisfy(article -> {
            assertThat(article.getFormat()).isEqualTo(InputFormat.PLAIN_TEXT);
            assertThat(article.getId()).isEqualTo("sha256:" + article.getContentHash().substring(0, 32));
            assertThat(Path.of(article.getSource()).getParent()).isEqualTo(drop);
            assertThat(article.getBody()).isNotBlank();
        });

        Map<String, String> reasons = readRejects(drop, 3);
        assertThat(reasons).containsOnlyKeys(
                drop.resolve("broken-encoding.txt").toString(),
                drop.resolve("headline-only.txt").toString(),
                drop.resolve("huge.txt").toString());
        assertThat(reasons.get(drop.resolve("broken-encoding.txt").toString())).isEqualTo("invalid UTF-8 at byte 7");
        assertThat(reasons.get(drop.resolve("headline-only.txt").toString())).startsWith("empty body");
        assertThat(reasons.get(drop.resolve("huge.txt").toString())).startsWith("oversized");
    }

    @Test
    void aWireStoryHeadlinedWithATickerInAngleBracketsIsText(@TempDir Path drop) throws IOException {
        Files.writeString(drop.resolve("acme-results.txt"),
                "<ACME CORP> 4TH QTR NET\n\nShr 1.12 dlrs vs 98 cts\nNet 4.5 mln vs 3.9 mln\nRevs 61.2 mln vs 55.0 mln\n");
        Files.writeString(drop.resolve("BOLT-DIVIDEND"),
                "<BOLT INDUSTRIES INC> RAISES DIVIDEND\n\nQtly div 22 cts vs 20 cts prior\nPay April 15\n");

        IngestSummary summary = IngestRun.ingest(settings(), List.of(drop), IngestListener.NONE);

        assertThat(summary).isEqualTo(new IngestSummary(2, 2, 0, 0, 0));
        List<RawArticle> published = readRaw(drop, 2);
        assertThat(published).extracting(RawArticle::getHeadline).containsExactlyInAnyOrder(
                "<ACME CORP> 4TH QTR NET", "<BOLT INDUSTRIES INC> RAISES DIVIDEND");
        assertThat(published).extracting(RawArticle::getFormat).containsOnly(InputFormat.PLAIN_TEXT);
        assertThat(published).extracting(RawArticle::getBody).contains(
                "Shr 1.12 dlrs vs 98 cts\nNet 4.5 mln vs 3.9 mln\nRevs 61.2 mln vs 55.0 mln");
    }

    @Test
    void reingestingTheSameStoriesPublishesUnderTheSameKeys(@TempDir Path first, @TempDir Path second)
            throws IOException {
        copyStories(first);
        copyStories(second);

        IngestRun.ingest(settings(), List.of(first), IngestListener.NONE);
        IngestRun.ingest(settings(), List.of(second), IngestListener.NONE);

        assertThat(keys(readRaw(first, STORIES.size()))).isEqualTo(keys(readRaw(second, STORIES.size())))
                .hasSize(STORIES.size());
    }

    @Test
    void everyFormatIsPublishedAndACorrectionLandsOnTheKeyOfTheStoryItCorrects(@TempDir Path drop) throws IOException {
        for (String fixture : List.of("ninjs1-desalination.json", "ninjs2-desalination-v3.json", "newsml-election.xml",
                "harbour-feed.rss", "transit-feed.atom", "museum-page.html", "arabic-page.txt", "wire-english.txt",
                "billion-laughs.xml", "external-entity.xml")) {
            try (InputStream in = getClass().getResourceAsStream("/formats/" + fixture)) {
                Files.copy(in, drop.resolve(fixture));
            }
        }

        IngestSummary summary = IngestRun.ingest(settings(), List.of(drop), IngestListener.NONE);

        assertThat(summary).isEqualTo(new IngestSummary(13, 10, 3, 0, 0));
        List<RawArticle> published = readRaw(drop, 10);
        assertThat(published).extracting(RawArticle::getFormat).containsOnly(InputFormat.NINJS, InputFormat.NEWSML_G2,
                InputFormat.RSS, InputFormat.ATOM, InputFormat.HTML, InputFormat.PLAIN_TEXT);
        Map<Long, String> desalinationKeys = published.stream()
                .filter(article -> "urn:newsflow:test:desalination-plant".equals(article.getGuid()))
                .collect(Collectors.toMap(RawArticle::getVersion, RawArticle::getId));
        assertThat(desalinationKeys).containsOnlyKeys(1L, 3L);
        assertThat(desalinationKeys.get(3L)).isEqualTo(desalinationKeys.get(1L));

        Map<String, String> reasons = readRejects(drop, 3);
        assertThat(reasons.get(drop.resolve("billion-laughs.xml").toString())).startsWith("unsafe XML");
        assertThat(reasons.get(drop.resolve("external-entity.xml").toString())).startsWith("unsafe XML");
        assertThat(reasons.get(drop.resolve("harbour-feed.rss") + "#3")).startsWith("empty body");
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(IngestConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(IngestConfig.REGISTRY_URL_CONFIG, registryUrl);
        settings.put(IngestConfig.MAX_STORY_BYTES_CONFIG, STORY_LIMIT);
        return settings;
    }

    private static void copyStories(Path dir) throws IOException {
        for (String story : STORIES) {
            try (InputStream in = IngestRunIntegrationTest.class.getResourceAsStream("/stories/" + story)) {
                Files.copy(in, dir.resolve(story));
            }
        }
    }

    private static List<String> keys(List<RawArticle> articles) {
        return articles.stream().map(RawArticle::getId).sorted().toList();
    }

    private static List<RawArticle> readRaw(Path dir, int expected) {
        return read(Topics.RAW, RegistrySerdes.<RawArticle>valueDeserializer(registryUrl),
                record -> record.value().getSource().startsWith(dir.toString()), expected)
                .stream().map(ConsumerRecord::value).toList();
    }

    private static Map<String, String> readRejects(Path dir, int expected) {
        ObjectMapper json = new ObjectMapper();
        return read(Topics.REJECTS, new StringDeserializer(), record -> record.key().startsWith(dir.toString()), expected)
                .stream().collect(Collectors.toMap(ConsumerRecord::key, record -> {
                    try {
                        JsonNode node = json.readTree(record.value());
                        assertThat(node.get("source").asText()).isEqualTo(record.key());
                        return node.get("reason").asText();
                    } catch (IOException e) {
                        throw new AssertionError("reject record is not JSON: " + record.value(), e);
                    }
                }));
    }

    /** Reads the topic from the start until {@code expected} matching records are in, failing after 30 s. */
    private static <V> List<ConsumerRecord<String, V>> read(String topic, Deserializer<V> values,
                                                            Predicate<ConsumerRecord<String, V>> matching, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, V>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                });
            }
            // One more poll catches records beyond the expected count, which would be duplicates.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (matching.test(record)) {
                    found.add(record);
                }
            });
            assertThat(found).as("records on %s", topic).hasSize(expected);
            return found;
        }
    }
}
