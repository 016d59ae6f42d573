package io.newsflow.sink;

import io.newsflow.store.Articles;
import io.newsflow.store.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.FigureKind;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.TcpProxy;
import io.newsflow.testing.TestRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.MockTime;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the sink does with each kind of record, on a real database, with values written by the real Avro serializer
 * against the real registry. One subclass per database runs the same tests.
 */
abstract class AbstractSinkTaskTest {

    private static final String TOPIC = Topics.ENRICHED;
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String registryUrl;
    private static Serializer<EnrichedArticle> serializer;

    TestDatabase db;
    Map<String, String> props;
    NewsSinkTask task;
    RecordingContext context;
    private long nextOffset;

    abstract TestDatabase createDatabase();

    @BeforeAll
    static void registry() {
        registryUrl = TestRegistry.shared().apiUrl();
        Articles.registerSchemas(registryUrl, TOPIC, Topics.OPS);
        serializer = RegistrySerdes.valueSerializer(registryUrl);
    }

    @BeforeEach
    void start() {
        db = createDatabase();
        props = new HashMap<>(ConnectorProps.of(db));
        props.put(NewsSinkConfig.REGISTRY_URL, registryUrl);
        props.put(NewsSinkConfig.BATCH_SIZE, "50");
        NewsSinkConnector connector = new NewsSinkConnector();
        connector.start(props);
        task = startTask();
    }

    NewsSinkTask startTask() {
        return startTask(Time.SYSTEM);
    }

    /** A task whose retry schedule follows {@code time}. */
    NewsSinkTask startTask(Time time) {
        NewsSinkTask started = new NewsSinkTask(time);
        context = new RecordingContext();
        started.initialize(context);
        started.start(props);
        return started;
    }

    @AfterEach
    void stop() {
        task.stop();
        db.close();
    }

    @Test
    void storesAnArticleWithItsEntitiesAndFigures() throws Exception {
        task.put(List.of(record(Articles.english("a1", 1, "Egypt refers 771 to trial"))));

        StoredArticle stored = StoredArticle.find(db, "a1").orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.language()).isEqualTo("en");
        assertThat(stored.headline()).isEqualTo("Egypt refers 771 to trial");
        assertThat(stored.entities()).containsExactly("LOCATION Egypt country:EG", "ORGANIZATION central bank org:CBE");
        assertThat(stored.figures()).containsExactly("COUNT 771.0 defendants/defendant", "PERCENT 2.0 percent/percent");
        JsonNode record = JSON.readTree(stored.record());
        assertThat(record.at("/article/headline").asText()).isEqualTo("Egypt refers 771 to trial");
        assertThat(record.at("/article/publishedAt").asText()).isEqualTo("2017-02-12T09:30:00Z");
        assertThat(record.at("/entities/0/canonicalId").asText()).isEqualTo("country:EG");
    }

    @Test
    void storesArabicUnitsUnderTheirFoldedKey() {
        task.put(List.of(record(Articles.arabic("ar1", 1, "إحالة 771 متهماً إلى المحاكمة"))));

        StoredArticle stored = StoredArticle.find(db, "ar1").orElseThrow();
        assertThat(stored.headline()).isEqualTo("إحالة 771 متهماً إلى المحاكمة");
        assertThat(stored.figures()).containsExactly("COUNT 771.0 متهماً/متهم", "MONEY 3000000.0 null/null");
    }

    @Test
    void textComesBackExactlyWhateverCharactersItHolds() throws Exception {
        // What a bulk load's text format would misread: its separators, its escape, its null and end-of-data marks.
        String body = "قال \"المتحدث\": 'لا تعليق'\tC:\\new\\N\n\\.\nسطر\r\nفي\\\\النهاية \u00e9\u0301 😀\u0001";
        EnrichedArticle article = Articles.article("odd", 1, "ar", "عنوان \"مقتبس\"\tمع \\ شرطة\n", body,
                List.of(Articles.entity(EntityType.PERSON, "O'Brien \"the\"\tman\\", null, 0.5)),
                List.of(Articles.figure(FigureKind.COUNT, null, null, "\\N\n")));
        article.getArticle().setByline(null);
        article.getArticle().setDateline("\\N");
        task.put(List.of(record(article)));

        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "SELECT headline, body, byline, dateline, record FROM articles WHERE id = 'odd'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("عنوان \"مقتبس\"\tمع \\ شرطة\n");
                assertThat(row.getString(2)).isEqualTo(body);
                assertThat(row.getString(3)).isNull();
                assertThat(row.getString(4)).isEqualTo("\\N");
                assertThat(JSON.readTree(row.getString(5)).at("/article/body").asText()).isEqualTo(body);
            }
            try (ResultSet row = statement.executeQuery(
                    "SELECT text, canonical_id FROM article_entities WHERE article_id = 'odd'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("O'Brien \"the\"\tman\\");
                assertThat(row.getString(2)).isNull();
            }
            try (ResultSet row = statement.executeQuery(
                    "SELECT text, value, unit, unit_key, currency FROM article_figures WHERE article_id = 'odd'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("\\N\n");
                assertThat(row.getObject(2)).isNull();
                assertThat(row.getString(3)).isNull();
                assertThat(row.getString(4)).isNull();
                assertThat(row.getString(5)).isNull();
            }
        }
    }

    @Test
    void aNewerVersionReplacesTheArticleAndItsChildren() {
        task.put(List.of(record(Articles.english("a1", 1, "First"))));
        EnrichedArticle revised = Articles.english("a1", 2, "Revised");
        revised.getEntities().remove(1);
        task.put(List.of(record(revised)));

        StoredArticle stored = StoredArticle.find(db, "a1").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.headline()).isEqualTo("Revised");
        assertThat(stored.entities()).containsExactly("LOCATION Egypt country:EG");
        assertThat(db.count("SELECT count(*) FROM article_figures WHERE article_id = 'a1'")).isEqualTo(2);
    }

    @Test
    void anOlderVersionChangesNothing() {
        task.put(List.of(record(Articles.english("a1", 5, "Fifth"))));
        task.put(List.of(record(Articles.english("a1", 4, "Fourth, arriving late"))));

        StoredArticle stored = StoredArticle.find(db, "a1").orElseThrow();
        assertThat(stored.version()).isEqualTo(5);
        assertThat(stored.headline()).isEqualTo("Fifth");
    }

    @Test
    void theSameVersionAgainChangesNothingEvenWithOtherContent() {
        EnrichedArticle original = Articles.english("a1", 3, "Original");
        task.put(List.of(record(original)));
        // The same record again, as a producer retry writes it, then a conflicting text under the same version.
        task.put(List.of(record(original), record(Articles.english("a1", 3, "Same version, other text"))));

        StoredArticle stored = StoredArticle.find(db, "a1").orElseThrow();
        assertThat(stored.headline()).isEqualTo("Original");
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM article_figures")).isEqualTo(2);
    }

    @Test
    void aTombstoneDeletesTheArticleAndItsChildren() {
        task.put(List.of(record(Articles.english("a1", 1, "Killed story")), record(Articles.english("a2", 1, "Kept"))));
        task.put(List.of(tombstone("a1")));

        assertThat(StoredArticle.find(db, "a1")).isEmpty();
        assertThat(db.count("SELECT count(*) FROM article_entities WHERE article_id = 'a1'")).isZero();
        assertThat(db.count("SELECT count(*) FROM article_figures WHERE article_id = 'a1'")).isZero();
        assertThat(StoredArticle.find(db, "a2")).isPresent();
    }

    @Test
    void oneBatchEndsAsIfItsRecordsWereAppliedOneByOne() {
        task.put(List.of(
                record(Articles.english("a1", 1, "v1")),
                record(Articles.english("a1", 3, "v3")),
                record(Articles.english("a1", 2, "v2, late")),
                record(Articles.english("a2", 1, "killed and reissued")),
                tombstone("a2"),
                record(Articles.english("a2", 1, "reissued after the kill"))));

        assertThat(StoredArticle.find(db, "a1").orElseThrow().headline()).isEqualTo("v3");
        assertThat(StoredArticle.find(db, "a2").orElseThrow().headline()).isEqualTo("reissued after the kill");
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(4);
    }

    @Test
    void badRecordsAreReportedAndTheRestOfTheBatchIsWritten() {
        EnrichedArticle impossible = Articles.english("bad-offsets", 1, "Entity ends before it starts");
        impossible.getEntities().get(0).setEnd(-1);
        List<SinkRecord> batch = List.of(
                record(Articles.english("good1", 1, "Before")),
                raw("garbage", "not avro at all".getBytes(StandardCharsets.UTF_8)),
                record(impossible),
                record(Articles.english("good2", 1, "After")));

        task.put(batch);

        assertThat(StoredArticle.find(db, "good1")).isPresent();
        assertThat(StoredArticle.find(db, "good2")).isPresent();
        assertThat(StoredArticle.find(db, "bad-offsets")).isEmpty();
        assertThat(context.reports).extracting(r -> r.record().key()).containsExactly("garbage", "bad-offsets");
        assertThat(context.reports.get(0).error()).hasMessageContaining("not Avro in the Confluent wire format");
        assertThat(context.reports.get(1).error()).hasMessageContaining("the database refused the article");
        assertThat(task.preCommit(Map.of(PARTITION, new OffsetAndMetadata(0))))
                .containsEntry(PARTITION, new OffsetAndMetadata(batch.get(3).kafkaOffset() + 1));
    }

    @Test
    void replayingAfterACrashChangesNothing() {
        List<SinkRecord> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(record(Articles.english("a" + (i % 40), i / 40, "revision " + i / 40)));
        }
        batch.add(tombstone("a7"));
        task.put(batch);
        String before = snapshot();

        // A worker that died before committing offsets redelivers everything to a new task.
        task.stop();
        task = startTask();
        task.put(batch.stream().map(AbstractSinkTaskTest::redelivery).toList());

        assertThat(snapshot()).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(39);
        assertThat(db.count("SELECT count(*) FROM articles WHERE version = 2")).isEqualTo(39);
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(39 * 2);
    }

    @Test
    void aTablePrefixGivesAPipelineItsOwnTablesInTheSameDatabase() {
        task.put(List.of(record(Articles.english("a1", 1, "Unprefixed"))));
        props.put(NewsSinkConfig.TABLE_PREFIX, "staging_");
        new NewsSinkConnector().start(props);
        NewsSinkTask staging = startTask();

        staging.put(List.of(record(Articles.english("a2", 1, "Prefixed"))));
        staging.stop();

        assertThat(db.count("SELECT count(*) FROM staging_articles WHERE id = 'a2'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM staging_article_figures WHERE article_id = 'a2'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(1);
    }

    @Test
    void anUnreachableRegistryIsRetriedNotReported() throws Exception {
        SinkRecord record = record(Articles.english("a1", 1, "Schema not yet fetched"));
        task.stop();
        try (ServerSocket closed = new ServerSocket(0)) {
            props.put(NewsSinkConfig.REGISTRY_URL, "http://127.0.0.1:" + closed.getLocalPort() + "/apis/registry/v3");
        }
        props.put(NewsSinkConfig.RETRY_BACKOFF_MS, "1234");
        task = startTask();

        assertThatThrownBy(() -> task.put(List.of(record))).isInstanceOf(RetriableException.class);
        assertThat(context.timeoutMs).isEqualTo(1234);
        assertThat(context.reports).isEmpty();
        assertThat(task.preCommit(Map.of(PARTITION, new OffsetAndMetadata(0)))).isEmpty();
    }

    @Test
    void anUnreachableOpsBrokerNeitherFailsNorHoldsUpTheTask() throws Exception {
        task.stop();
        Map<String, String> writingOnly = new HashMap<>(props);
        try (ServerSocket closed = new ServerSocket(0)) {
            props.put(NewsSinkConfig.OPS_BOOTSTRAP_SERVERS, "127.0.0.1:" + closed.getLocalPort());
        }
        props.put(NewsSinkConfig.OPS_REPORT_INTERVAL_MS, "100");
        task = startTask();

        task.put(List.of(record(Articles.english("a1", 1, "Reported nowhere"))));
        assertThat(StoredArticle.find(db, "a1")).isPresent();
        long stopping = System.nanoTime();
        task.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(15));

        props = writingOnly;
        task = startTask();
    }

    @Test
    void aRegistryOutageIsRiddenOutOnTheTasksOwnSchedule() throws Exception {
        SinkRecord record = record(Articles.english("a1", 1, "Schema fetched after the outage"));
        URI registry = URI.create(registryUrl);
        try (TcpProxy proxy = TcpProxy.start(registry.getHost(), registry.getPort())) {
            MockTime time = new MockTime();
            restartThroughRegistryProxy(proxy, time);
            proxy.cut();

            // The backoff doubles from retry.backoff.ms up to retry.backoff.max.ms. The worker comes back sooner (at
            // every offset commit): until an attempt is due, the task turns it away without asking the registry.
            List<Long> waits = new ArrayList<>();
            for (int attempt = 1; attempt <= 4; attempt++) {
                int asked = proxy.turnedAway().size();
                assertThatThrownBy(() -> task.put(List.of(record))).isInstanceOf(RetriableException.class)
                        .hasMessageContaining("the schema registry is unreachable");
                assertThat(proxy.turnedAway()).as("attempt %d asks the registry", attempt).hasSizeGreaterThan(asked);
                waits.add(context.timeoutMs);

                time.sleep(context.timeoutMs - 1);
                asked = proxy.turnedAway().size();
                assertThatThrownBy(() -> task.put(List.of(record))).isInstanceOf(RetriableException.class)
                        .hasMessageContaining("is due in 1 ms");
                assertThat(context.timeoutMs).isEqualTo(1);
                assertThat(proxy.turnedAway()).as("a redelivery before attempt %d is due", attempt + 1)
                        .hasSize(asked);
                time.sleep(1);
            }
            assertThat(waits).containsExactly(1000L, 2000L, 4000L, 4000L);
            assertThat(context.metric("newsflow-sink-task-state", "state", "DEGRADED")).isEqualTo(1.0);
            assertThat(context.metric("newsflow-sink-retries-total")).isEqualTo(4.0);

            proxy.restore();
            task.put(List.of(record));
        }
        assertThat(StoredArticle.find(db, "a1")).isPresent();
        assertThat(context.reports).isEmpty();
        assertThat(context.metric("newsflow-sink-task-state", "state", "RUNNING")).isEqualTo(1.0);
        assertThat(context.metric("newsflow-sink-task-state", "state", "DEGRADED")).isZero();
    }

    @Test
    void anOutageLongerThanTheRetryTimeoutFailsTheTaskAfterALastAttemptWhenTheTimeIsUp() throws Exception {
        SinkRecord record = record(Articles.english("a1", 1, "Never stored"));
        URI registry = URI.create(registryUrl);
        try (TcpProxy proxy = TcpProxy.start(registry.getHost(), registry.getPort())) {
            MockTime time = new MockTime();
            props.put(NewsSinkConfig.RETRY_TIMEOUT_MS, "5000");
            restartThroughRegistryProxy(proxy, time);
            proxy.cut();

            // Failed attempts at 0, 1 s and 3 s; the next would be at 7 s, but the time is up at 5 s.
            List<Long> waits = new ArrayList<>();
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThatThrownBy(() -> task.put(List.of(record))).isInstanceOf(RetriableException.class);
                waits.add(context.timeoutMs);
                time.sleep(context.timeoutMs);
            }
            assertThat(waits).containsExactly(1000L, 2000L, 2000L);
            assertThatThrownBy(() -> task.put(List.of(record))).isInstanceOf(ConnectException.class)
                    .isNotInstanceOf(RetriableException.class)
                    .hasMessageContaining("giving up after 4 failed attempts over 5s (retry.timeout.ms=5000)");
        }
        assertThat(context.metric("newsflow-sink-task-state", "state", "RUNNING")).isZero();
        assertThat(context.reports).isEmpty();
    }

    @Test
    void aSchemaIdTheRegistryLacksIsReportedWhileItHoldsTheTopicsSubject() {
        // The serializer registered the subject when it wrote the first record.
        SinkRecord good = record(Articles.english("a1", 1, "Readable"));
        SinkRecord unknown = raw(TOPIC, "unknown-id", withSchemaId(good.value(), 1_999_999_999));

        task.put(List.of(good, unknown));

        assertThat(StoredArticle.find(db, "a1")).isPresent();
        assertThat(context.reports).singleElement().satisfies(report -> assertThat(report.error())
                .hasMessageContaining("unknown schema id 1999999999"));
    }

    @Test
    void aSchemaIdIsWaitedForWhenTheRegistryHoldsNoneOfTheTopicsSubjects() {
        // As a registry restarted without its storage: the id is unknown, and so is the subject.
        byte[] value = withSchemaId(record(Articles.english("a1", 1, "x")).value(), 1_999_999_999);
        SinkRecord lost = raw(TOPIC + ".never-registered", "a1", value);

        assertThatThrownBy(() -> task.put(List.of(lost))).isInstanceOf(RetriableException.class)
                .hasMessageContaining("unknown schema id 1999999999 and the schema registry has no subject "
                        + TOPIC + ".never-registered-value");
        assertThat(context.reports).isEmpty();
    }

    @Test
    void aTruncatedValueIsReportedNotRetried() {
        byte[] whole = (byte[]) record(Articles.english("a1", 1, "Cut short")).value();
        SinkRecord truncated = raw("a1", Arrays.copyOf(whole, whole.length / 2));

        task.put(List.of(truncated));

        assertThat(context.reports).singleElement().satisfies(report -> assertThat(report.error())
                .hasMessageContaining("does not match the schema"));
        assertThat(StoredArticle.find(db, "a1")).isEmpty();
    }

    /** Restarts the task with its registry behind {@code proxy} and a fast backoff. */
    private void restartThroughRegistryProxy(TcpProxy proxy, Time time) throws Exception {
        task.stop();
        URI registry = URI.create(registryUrl);
        props.put(NewsSinkConfig.REGISTRY_URL, new URI(registry.getScheme(), null, registry.getHost(), proxy.port(),
                registry.getPath(), null, null).toString());
        props.put(NewsSinkConfig.RETRY_BACKOFF_MS, "1000");
        props.put(NewsSinkConfig.RETRY_BACKOFF_MAX_MS, "4000");
        task = startTask(time);
    }

    /** The Confluent wire format: a zero byte, the schema id, the Avro body. */
    private static byte[] withSchemaId(Object value, int schemaId) {
        byte[] bytes = ((byte[]) value).clone();
        ByteBuffer.wrap(bytes, 1, 4).putInt(schemaId);
        return bytes;
    }

    @Test
    void commitsOnlyOffsetsThatWereWritten() {
        TopicPartition other = new TopicPartition(TOPIC, 1);
        task.put(List.of(record(Articles.english("a1", 1, "x")), record(Articles.english("a2", 1, "y"))));

        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(
                PARTITION, new OffsetAndMetadata(99), other, new OffsetAndMetadata(7)));

        assertThat(committable).containsExactly(Map.entry(PARTITION, new OffsetAndMetadata(nextOffset)));
    }

    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            all.append(StoredArticle.find(db, "a" + i).map(Object::toString).orElse("none")).append('\n');
        }
        return all.toString();
    }

    SinkRecord record(EnrichedArticle article) {
        return raw(article.getArticle().getId(), serializer.serialize(TOPIC, article));
    }

    private SinkRecord tombstone(String id) {
        return raw(id, null);
    }

    private SinkRecord raw(String key, byte[] value) {
        return raw(TOPIC, key, value);
    }

    private SinkRecord raw(String topic, String key, byte[] value) {
        return new SinkRecord(topic, 0, null, key, null, value, nextOffset++);
    }

    private static SinkRecord redelivery(SinkRecord record) {
        return new SinkRecord(record.topic(), record.kafkaPartition(), null, record.key(), null, record.value(),
                record.kafkaOffset());
    }
}
