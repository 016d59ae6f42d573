package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.ArticleWrites;
import io.newsflow.testing.TestPostgres;
import io.newsflow.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's promise, on real servers: a story file goes in through the ingest producer, the enrichment
 * Streams app enriches it, the sink connector in a real Connect worker stores it in PostgreSQL, and the row and its
 * figures are read back. Broken input on the way ends in the dead-letter topic and stops nothing.
 */
class PipelineEndToEndTest {

    private static final String CONNECTOR = "newsflow-sink-e2e";

    @TempDir
    static Path tmp;
    static EmbeddedConnectCluster connect;
    static RegistryServer registry;
    static TestPostgres postgres;
    static EnrichmentApp enrichment;
    static Map<String, Object> settings;

    @BeforeAll
    static void startPipeline() throws Exception {
        registry = TestRegistry.shared();
        postgres = TestPostgres.createDatabase();
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("auto.create.topics.enable", "false");
        Map<String, String> worker = new HashMap<>();
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        worker.put("consumer.isolation.level", "read_committed");
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "500");
        // The builder's setters are declared on a package-private superclass: call them one by one.
        EmbeddedConnectCluster.Builder builder = new EmbeddedConnectCluster.Builder().name("newsflow-e2e").numWorkers(1);
        builder.numBrokers(1);
        builder.brokerProps(broker);
        builder.workerProps(worker);
        connect = (EmbeddedConnectCluster) builder.build();
        connect.start();

        settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", connect.kafka().bootstrapServers());
        settings.put(RegistrySerdes.REGISTRY_URL, registry.apiUrl());
        SetupCommand.prepare(settings);

        enrichment = LocalStages.startEnrichment(settings, tmp.resolve("streams"));

        Map<String, String> sink = new LinkedHashMap<>(LocalStages.sinkConnectorConfig(Path.of("unused"),
                connect.kafka().bootstrapServers(), registry.apiUrl()));
        sink.remove("name");
        sink.put("connection.url", postgres.jdbcUrl());
        sink.put("connection.user", TestPostgres.USER);
        sink.put("connection.password", TestPostgres.PASSWORD);
        connect.configureConnector(CONNECTOR, sink);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "sink connector did not start");
        try (Connection db = postgres.connect()) {
            ArticleWrites.install(db);
        }
    }

    @AfterAll
    static void stopPipeline() {
        if (enrichment != null) {
            enrichment.close();
        }
        if (connect != null) {
            connect.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aStoryFileBecomesARowWithItsFigures() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox-figures"));
        Files.writeString(inbox.resolve("arrests.txt"), """
                Police arrest 771 suspects in joint operation

                The operation ran in 11 countries and closed 580 websites, police said on Monday.
                """, StandardCharsets.UTF_8);

        List<String> ids = ingest(inbox);

        assertThat(ids).hasSize(1);
        awaitStored(ids.get(0));
        try (Connection db = postgres.connect()) {
            assertThat(queryStrings(db, "SELECT headline FROM articles WHERE id = ?", ids.get(0)))
                    .containsExactly("Police arrest 771 suspects in joint operation");
            assertThat(queryStrings(db, "SELECT language FROM articles WHERE id = ?", ids.get(0))).containsExactly("en");
            assertThat(queryStrings(db, "SELECT text FROM article_figures WHERE article_id = ? ORDER BY ordinal", ids.get(0)))
                    .contains("771 suspects", "11 countries", "580 websites");
        }
    }

    @Test
    void theSameStoriesIngestedTwiceAreStoredOnce() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox-twice"));
        Files.writeString(inbox.resolve("a.txt"), "Rain expected in the north\n\nForecasters expect 40 mm of rain.\n");
        Files.writeString(inbox.resolve("b.txt"), "Port reopens after storm\n\nThe port handled 12 ships on Tuesday.\n");

        List<String> first = ingest(inbox);
        first.forEach(PipelineEndToEndTest::awaitStored);
        List<String> second = ingest(inbox);

        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        // A later story proves the sink has consumed past the second delivery before counting.
        Path marker = Files.createDirectories(tmp.resolve("inbox-marker"));
        Files.writeString(marker.resolve("m.txt"), "Marker story\n\nNothing to report on 3 fronts.\n");
        awaitStored(ingest(marker).get(0));
        // The primary key keeps one row per id whatever happens; a second enrichment shows on news.enriched and a
        // second write in the database's write log.
        Map<String, Integer> enriched = enrichedRecordsByKey();
        try (Connection db = postgres.connect()) {
            for (String id : first) {
                assertThat(enriched.get(id)).as("records of %s on news.enriched", id).isEqualTo(1);
                assertThat(queryStrings(db, "SELECT version FROM test_article_writes WHERE id = ?", id))
                        .as("writes of %s", id).hasSize(1);
            }
        }
    }

    /** How many committed records each key has on news.enriched. */
    private static Map<String, Integer> enrichedRecordsByKey() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(60_000,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Map.of(), Topics.ENRICHED)) {
            counts.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aCorrectedStoryReplacesTheOlderVersionAndALateOlderVersionChangesNothing() throws Exception {
        Path first = Files.createDirectories(tmp.resolve("inbox-v1"));
        Files.writeString(first.resolve("story.json"), ninjs(1, "Dam inspection finds 3 cracks",
                "Engineers found 3 cracks in the spillway on Monday."));
        String id = ingest(first).get(0);
        awaitStored(id);

        Path correction = Files.createDirectories(tmp.resolve("inbox-v2"));
        Files.writeString(correction.resolve("story.json"), ninjs(2, "Dam inspection finds 4 cracks (corrects count)",
                "Engineers found 4 cracks in the spillway on Monday."));
        assertThat(ingest(correction)).containsExactly(id);
        awaitHeadline(id, "Dam inspection finds 4 cracks (corrects count)");

        // The first version delivered again, late: the stored correction must stand.
        ingest(first);
        Path marker = Files.createDirectories(tmp.resolve("inbox-after-late"));
        Files.writeString(marker.resolve("m.txt"), "Late marker\n\nA marker story with 7 words in it.\n");
        awaitStored(ingest(marker).get(0));
        try (Connection db = postgres.connect()) {
            assertThat(queryStrings(db, "SELECT headline FROM articles WHERE id = ?", id))
                    .containsExactly("Dam inspection finds 4 cracks (corrects count)");
            assertThat(queryStrings(db, "SELECT version FROM articles WHERE id = ?", id)).containsExactly("2");
            assertThat(queryStrings(db, "SELECT version FROM test_article_writes WHERE id = ? ORDER BY version", id))
                    .as("each version written once, the late first version not again").containsExactly("1", "2");
            assertThat(queryStrings(db, "SELECT text FROM article_figures WHERE article_id = ? ORDER BY ordinal", id))
                    .contains("4 cracks").doesNotContain("3 cracks");
        }
    }

    private static String ninjs(int version, String headline, String body) {
        return """
                {"uri": "urn:newsflow:test:dam-inspection", "version": "%d", "type": "text", "language": "en",
                 "versioncreated": "2026-11-2%dT08:00:00Z", "headline": "%s", "body_text": "%s"}
                """.formatted(version, version, headline, body);
    }

    private static void awaitHeadline(String id, String headline) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            try (Connection db = postgres.connect()) {
                assertThat(queryStrings(db, "SELECT headline FROM articles WHERE id = ?", id)).containsExactly(headline);
            }
        });
    }

    @Test
    void brokenRecordsGoToTheDeadLetterTopicAndTheNextStoryIsStored() throws Exception {
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
             Serializer<RawArticle> avro = RegistrySerdes.valueSerializer(registry.apiUrl())) {
            producer.send(new ProducerRecord<>(Topics.RAW, "poison-1", "this is not avro".getBytes(StandardCharsets.UTF_8))).get();
            RawArticle empty = RawArticle.newBuilder()
                    .setId("empty-1").setSource("test").setHeadline("A headline with no story").setBody("")
                    .setReceivedAt(Instant.now()).setFormat(InputFormat.PLAIN_TEXT).setContentHash("0").build();
            producer.send(new ProducerRecord<>(Topics.RAW, "empty-1", avro.serialize(Topics.RAW, empty))).get();
        }

        Path inbox = Files.createDirectories(tmp.resolve("inbox-after-poison"));
        Files.writeString(inbox.resolve("good.txt"), "Good story after bad ones\n\nThe council approved 25 new schools.\n");
        String good = ingest(inbox).get(0);
        awaitStored(good);

        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consume(1, 10_000, Topics.DEAD_LETTER)) {
                deadLetters.put(new String(record.key(), StandardCharsets.UTF_8), record);
            }
            assertThat(deadLetters).containsKeys("poison-1", "empty-1");
        });
        assertThat(headerNames(deadLetters.get("poison-1"))).anyMatch(name -> name.contains("exception"));
        assertThat(headerValues(deadLetters.get("empty-1"))).anyMatch(value -> value.toLowerCase().contains("empty"));
        assertThat(headerValues(deadLetters.get("poison-1"))).anyMatch(value -> value.contains(Topics.RAW));
    }

    private static List<String> ingest(Path dir) {
        List<String> ids = new ArrayList<>();
        IngestSummary summary = IngestRun.ingest(settings, List.of(dir), new IngestListener() {
            @Override
            public void published(RawArticle article) {
                synchronized (ids) {
                    ids.add(article.getId());
                }
            }
        });
        assertThat(summary.rejected()).isZero();
        return ids;
    }

    private static void awaitStored(String id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            try (Connection db = postgres.connect()) {
                assertThat(queryStrings(db, "SELECT id FROM articles WHERE id = ?", id)).containsExactly(id);
            }
        });
    }

    private static List<String> queryStrings(Connection db, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        List<String> names = new ArrayList<>();
        for (Header header : record.headers()) {
            names.add(header.key());
        }
        return names;
    }

    private static List<String> headerValues(ConsumerRecord<byte[], byte[]> record) {
        List<String> values = new ArrayList<>();
        for (Header header : record.headers()) {
            values.add(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return values;
    }
}
