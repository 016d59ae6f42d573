package io.newsflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.NewsSinkConfig;
import io.newsflow.sink.NewsSinkConnector;
import io.newsflow.testing.ArticleWrites;
import io.newsflow.testing.SharedData;
import io.newsflow.testing.TcpProxy;
import io.newsflow.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline under one fault at a time, as Kafka's own system tests bounce brokers under a running Streams
 * app: three KRaft nodes, each a broker and a controller voter in a JVM of its own (replication 3, min ISR 2), the
 * enrichment app as two instances (one in a JVM of its own), a two-worker Connect cluster (each worker in a JVM of its
 * own) running the sink with two tasks against a real PostgreSQL database reached through a proxy, and the schema
 * registry in its own process with its schemas on disk.
 *
 * <p>The scenarios share the running stack and run in order. Each feeds its own corpus stories through the ingest
 * stage at a steady rate, injects its fault while they flow, and then waits until the pipeline has settled: every
 * story it published is stored, the tasks and instances run again. It then prints sent / stored / lost / duplicated /
 * dead-lettered / rejected and fails on any loss or duplicate. A duplicate is an article enriched twice (two committed
 * records on news.enriched) or an article version written twice (the database's write log), never rows per key,
 * which the primary key keeps at one whatever happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final int STORIES = Integer.getInteger("newsflow.faults.stories", 300);
    private static final int PER_SECOND = Integer.getInteger("newsflow.faults.rate", 20);
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(Long.getLong("newsflow.faults.db.outage.s", 60));
    private static final int SCENARIOS = 8;
    /** Generous: the machine is shared, and a scenario's backlog is worked off only after its fault. */
    private static final Duration SETTLE = Duration.ofMinutes(10);
    private static final String CONNECTOR = "newsflow-sink";
    private static final String CONNECT_GROUP = "newsflow-faults-connect";

    private Path tmp;

    private RegistryServer registry;
    private TestPostgres postgres;
    private TcpProxy database;
    private KraftCluster kafka;
    private ChildJvm firstWorker;
    private ChildJvm secondWorker;
    private ConnectRest connect;
    private Map<String, Object> settings;
    private EnrichmentApp enrichment;
    private ChildJvm secondEnrichment;
    private StoryFeeder feeder;
    private final List<URI> workerUrls = new ArrayList<>();
    private final List<String> table = new ArrayList<>();

    @BeforeAll
    void startPipeline(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        Path corpus = SharedData.require("corpus/news.jsonl");
        registry = RegistryServer.start(tmp.resolve("registry"), tmp.resolve("registry-data"));
        postgres = TestPostgres.createDatabase();
        URI postgresAddress = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
        database = TcpProxy.start(postgresAddress.getHost(), postgresAddress.getPort());

        Map<String, String> broker = new LinkedHashMap<>();
        broker.put("default.replication.factor", "3");
        broker.put("min.insync.replicas", "2");
        broker.put("offsets.topic.replication.factor", "3");
        broker.put("transaction.state.log.replication.factor", "3");
        broker.put("transaction.state.log.min.isr", "2");
        broker.put("auto.create.topics.enable", "false");
        kafka = new KraftCluster(tmp.resolve("kafka"), 3, broker);
        String bootstrap = kafka.bootstrapServers();

        settings = new LinkedHashMap<>();
        settings.put(IngestConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(IngestConfig.REGISTRY_URL_CONFIG, registry.apiUrl());
        try (Admin admin = kafka.admin()) {
            Topics.ensureCreated(admin);
        }
        SchemaRegistration.forRegistryUrl(registry.apiUrl()).registerAll();

        enrichment = new EnrichmentApp(new EnrichmentConfig(enrichmentSettings("enrichment-1")));
        enrichment.start();
        assertThat(enrichment.awaitRunning(Duration.ofMinutes(3))).as("enrichment instance running").isTrue();
        secondEnrichment = new ChildJvm("enrichment-2", tmp.resolve("enrichment-2.log"), List.of("-Xmx512m"),
                EnrichmentApp.class.getName(), writeProperties("enrichment-2.properties",
                        enrichmentSettings("enrichment-2"))).start();

        firstWorker = connectWorker("connect-worker-1", bootstrap);
        secondWorker = connectWorker("connect-worker-2", bootstrap);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> connect.putConnector(CONNECTOR, sinkConfig()));
        awaitSettled();
        try (Connection db = postgres.connect()) {
            ArticleWrites.install(db);
        }
        feeder = new StoryFeeder(settings, corpus, STORIES * SCENARIOS, tmp.resolve("inbox"));
    }

    /** A distributed worker in a JVM of its own, joining the others' group; adds its REST URL to {@link #connect}. */
    private ChildJvm connectWorker(String name, String bootstrap) throws IOException {
        Map<String, String> worker = workerProps();
        int port = KraftCluster.freePort();
        worker.put("bootstrap.servers", bootstrap);
        worker.put("listeners", "http://127.0.0.1:" + port);
        workerUrls.add(URI.create("http://127.0.0.1:" + port));
        connect = new ConnectRest(List.copyOf(workerUrls));
        return new ChildJvm(name, tmp.resolve(name + ".log"), List.of("-Xmx512m"),
                "org.apache.kafka.connect.cli.ConnectDistributed", writeProperties(name + ".properties", worker)).start();
    }

    private static Map<String, String> workerProps() {
        Map<String, String> worker = new HashMap<>();
        worker.put("group.id", CONNECT_GROUP);
        worker.put("config.storage.topic", CONNECT_GROUP + "-configs");
        worker.put("offset.storage.topic", CONNECT_GROUP + "-offsets");
        worker.put("status.storage.topic", CONNECT_GROUP + "-status");
        worker.put("config.storage.replication.factor", "3");
        worker.put("offset.storage.replication.factor", "3");
        worker.put("status.storage.replication.factor", "3");
        worker.put("key.converter", StringConverter.class.getName());
        worker.put("value.converter", ByteArrayConverter.class.getName());
        worker.put("consumer.isolation.level", "read_committed");
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "1000");
        // A killed worker's tasks are handed to the other one after 10 s without heartbeats, and a worker that
        // does not come back is given up on after 20 s rather than Connect's default 5 minutes.
        worker.put("consumer.session.timeout.ms", "10000");
        worker.put("consumer.heartbeat.interval.ms", "3000");
        worker.put("scheduled.rebalance.max.delay.ms", "20000");
        return worker;
    }

    private Map<String, Object> enrichmentSettings(String instance) {
        Map<String, Object> config = new LinkedHashMap<>(settings);
        config.put("state.dir", tmp.resolve("streams-" + instance).toString());
        config.put(EnrichmentConfig.OPS_INTERVAL_MS_CONFIG, 1000);
        return config;
    }

    private Map<String, String> sinkConfig() {
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("connector.class", NewsSinkConnector.class.getName());
        sink.put("tasks.max", "2");
        sink.put("topics", Topics.ENRICHED);
        sink.put(NewsSinkConfig.CONNECTION_URL, postgres.jdbcUrl().replaceFirst("//[^/]+/",
                "//127.0.0.1:" + database.port() + "/"));
        sink.put(NewsSinkConfig.CONNECTION_USER, TestPostgres.USER);
        sink.put(NewsSinkConfig.CONNECTION_PASSWORD, TestPostgres.PASSWORD);
        sink.put(NewsSinkConfig.REGISTRY_URL, registry.apiUrl());
        sink.put(NewsSinkConfig.RETRY_BACKOFF_MS, "1000");
        sink.put(NewsSinkConfig.RETRY_BACKOFF_MAX_MS, "5000");
        sink.put(NewsSinkConfig.OPS_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", Topics.DEAD_LETTER);
        sink.put("errors.deadletterqueue.topic.replication.factor", "3");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");
        return sink;
    }

    @AfterAll
    void stopPipeline() throws IOException {
        if (!table.isEmpty()) {
            Path report = Path.of("target", "faults.md");
            Files.writeString(report, String.join("\n", table) + "\n");
            System.out.println("Fault suite (" + STORIES + " stories per scenario at " + PER_SECOND + "/s):\n"
                    + String.join("\n", table) + "\n(written to " + report.toAbsolutePath() + ")");
        }
        for (AutoCloseable closeable : new AutoCloseable[] {feeder, secondWorker, firstWorker, secondEnrichment,
                enrichment, kafka, database, postgres, registry}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("could not close " + closeable + ": " + e);
                }
            }
        }
    }

    @Test
    @Order(1)
    void leaderBrokerKilledAndRestarted() throws Exception {
        scenario("broker leading news.raw partitions killed (SIGKILL), not the active controller, restarted after 15 s",
                batch -> {
                    int controller = kafka.activeController();
                    int leader;
                    try (Admin admin = kafka.admin()) {
                        leader = admin.describeTopics(List.of(Topics.RAW)).allTopicNames().get().get(Topics.RAW)
                                .partitions().stream().map(partition -> partition.leader().id())
                                .filter(id -> id != controller).findFirst().orElseThrow();
                    }
                    kafka.node(leader).kill();
                    Thread.sleep(15_000);
                    kafka.node(leader).start();
                });
    }

    @Test
    @Order(2)
    void activeControllerKilledAndRestarted() throws Exception {
        scenario("active KRaft controller (quorum leader, also a broker) killed (SIGKILL), restarted after 15 s",
                batch -> {
                    int controller = kafka.activeController();
                    kafka.node(controller).kill();
                    await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                            .until(() -> kafka.activeController() != controller);
                    Thread.sleep(15_000);
                    kafka.node(controller).start();
                });
    }

    @Test
    @Order(3)
    void streamsInstanceKilledAndRestarted() throws Exception {
        scenario("enrichment instance killed (SIGKILL, no close), restarted after 10 s", batch -> {
            assertThat(enrichmentMembers()).as("both enrichment instances share the work").isEqualTo(2);
            secondEnrichment.kill();
            Thread.sleep(10_000);
            secondEnrichment.start();
        });
    }

    @Test
    @Order(4)
    void connectWorkerKilledAndRestarted() throws Exception {
        scenario("Connect worker running a sink task killed (SIGKILL), restarted after 10 s", batch -> {
            assertThat(connect.tasks(CONNECTOR)).extracting(ConnectRest.Task::workerId)
                    .as("the tasks run on both workers").doesNotHaveDuplicates();
            secondWorker.kill();
            Thread.sleep(10_000);
            secondWorker.start();
        });
    }

    @Test
    @Order(5)
    void databaseUnreachable() throws Exception {
        scenario("PostgreSQL unreachable for " + DATABASE_OUTAGE.toSeconds() + " s (connections cut and refused)",
                batch -> {
                    database.cut();
                    Thread.sleep(DATABASE_OUTAGE.toMillis());
                    database.restore();
                });
    }

    @Test
    @Order(6)
    void registryKilledAndRestarted() throws Exception {
        scenario("schema registry killed (SIGKILL), restarted on its ports with its stored schemas after 20 s", batch -> {
            registry.kill();
            Thread.sleep(20_000);
            registry.restart();
        });
    }

    @Test
    @Order(7)
    void malformedBurst() throws Exception {
        scenario("1,000 malformed inputs between good stories: 750 bad files, 250 random records on news.raw",
                batch -> {
                    Path bad = MalformedInputs.write(tmp.resolve("malformed"), 750, new Random(20261206L));
                    feeder.ingest(bad, batch);
                    batch.malformedFiles = 750;
                    Random random = new Random(17L);
                    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
                        for (int i = 0; i < 250; i++) {
                            byte[] noise = new byte[1 + random.nextInt(4096)];
                            random.nextBytes(noise);
                            producer.send(new ProducerRecord<>(Topics.RAW, noiseKey(batch, i), noise));
                        }
                    }
                    batch.noise = 250;
                });
    }

    @Test
    @Order(8)
    void noFault() throws Exception {
        scenario("no fault (the same accounting on a quiet run)", batch -> { });
    }

    private static String noiseKey(StoryFeeder.Batch batch, int i) {
        return "noise/" + batch.name + "/" + i;
    }

    interface Fault {
        void inject(StoryFeeder.Batch batch) throws Exception;
    }

    /** Feeds a scenario's stories, injects the fault a third of the way in, settles, counts, and checks. */
    private void scenario(String fault, Fault inject) throws Exception {
        String name = Thread.currentThread().getStackTrace()[2].getMethodName();
        long started = System.nanoTime();
        StoryFeeder.Batch batch = feeder.feed(name, STORIES, PER_SECOND);
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> batch.fed() >= STORIES / 3);
        inject.inject(batch);
        batch.awaitDone();
        awaitSettled();
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2))
                .until(() -> stored(batch.published) == batch.published.size());

        long sent = batch.published.size();
        long stored = stored(batch.published);
        long duplicated = enrichedTwice(batch.published) + writtenTwice(batch.published);
        // The scenario's noise is dead-lettered in its partitions' order, before the stories after it; a loop
        // still waits for it, since the stories of a partition may all have come before it.
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).until(() -> deadLettered(batch) >= batch.noise);
        long deadLettered = deadLettered(batch);
        String row = String.format("| %s | %s | %d | %d | %d | %d | %d | %d | %.0f s |", name, fault, sent, stored,
                sent - stored, duplicated, deadLettered, batch.rejected.get(),
                (System.nanoTime() - started) / 1e9);
        if (table.isEmpty()) {
            table.add("| scenario | fault | sent | stored | lost | duplicated | dead-lettered | rejected | wall |");
            table.add("|---|---|---|---|---|---|---|---|---|");
        }
        table.add(row);
        System.out.println(row);

        assertThat(batch.failed.get()).as("stories the ingest stage failed to publish").isZero();
        assertThat(batch.rejected.get()).as("rejected: the scenario's malformed files").isEqualTo(batch.malformedFiles);
        assertThat(sent - stored).as("lost").isZero();
        assertThat(duplicated).as("duplicated").isZero();
        assertThat(deadLettered).as("dead-lettered: the scenario's noise, and nothing else").isEqualTo(batch.noise);
        assertNoLeakedFile();
    }

    /** No story body carries what an external entity would have pulled in. */
    private void assertNoLeakedFile() throws Exception {
        try (Connection db = postgres.connect(); PreparedStatement statement = db.prepareStatement(
                "SELECT count(*) FROM articles WHERE body LIKE '%root:x:0:0%'"); ResultSet rows = statement.executeQuery()) {
            rows.next();
            assertThat(rows.getLong(1)).as("articles holding /etc/passwd").isZero();
        }
    }

    /**
     * Both enrichment instances in the group, the sink's two tasks running on the two workers, every partition of the
     * pipeline's topics fully replicated again.
     */
    private void awaitSettled() {
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            assertThat(enrichment.state().isRunningOrRebalancing()).isTrue();
            assertThat(secondEnrichment.isAlive()).as("second enrichment instance; see %s", secondEnrichment.log())
                    .isTrue();
            assertThat(enrichmentMembers()).isEqualTo(2);
            assertThat(firstWorker.isAlive()).as("first worker; see %s", firstWorker.log()).isTrue();
            assertThat(secondWorker.isAlive()).as("second worker; see %s", secondWorker.log()).isTrue();
            List<ConnectRest.Task> tasks = connect.tasks(CONNECTOR);
            assertThat(tasks).hasSize(2).allSatisfy(task -> assertThat(task.state()).isEqualTo("RUNNING"));
            assertThat(tasks).extracting(ConnectRest.Task::workerId).doesNotHaveDuplicates();
            for (int node = 0; node < 3; node++) {
                assertThat(kafka.node(node).isAlive()).as("Kafka node %d; see %s", node, kafka.node(node).log())
                        .isTrue();
            }
            try (Admin admin = kafka.admin()) {
                for (TopicDescription topic : admin.describeTopics(List.of(Topics.RAW, Topics.ENRICHED,
                        Topics.DEAD_LETTER)).allTopicNames().get().values()) {
                    for (TopicPartitionInfo partition : topic.partitions()) {
                        assertThat(partition.isr()).as("ISR of %s-%d", topic.name(), partition.partition()).hasSize(3);
                    }
                }
            }
        });
    }

    private int enrichmentMembers() throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.describeConsumerGroups(List.of(EnrichmentConfig.APPLICATION_ID_DEFAULT)).all().get()
                    .get(EnrichmentConfig.APPLICATION_ID_DEFAULT).members().size();
        }
    }

    private long stored(Set<String> ids) throws Exception {
        try (Connection db = postgres.connect();
             PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM articles WHERE id = ANY (?)")) {
            Array array = db.createArrayOf("text", ids.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Committed records on news.enriched beyond the first, for the given article ids. */
    private long enrichedTwice(Set<String> ids) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : committedRecords(Topics.ENRICHED)) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (ids.contains(key)) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    /** Article versions of the given ids written to the database more than once, counted beyond the first write. */
    private long writtenTwice(Set<String> ids) throws Exception {
        try (Connection db = postgres.connect()) {
            return ArticleWrites.repeated(db).stream()
                    .filter(entry -> ids.contains(entry.substring(0, entry.lastIndexOf('@'))))
                    .mapToLong(entry -> Long.parseLong(entry.substring(entry.lastIndexOf(" x") + 2)) - 1).sum();
        }
    }

    /** Records on the dead-letter topic that belong to the scenario: its stories, or its noise. */
    private long deadLettered(StoryFeeder.Batch batch) throws Exception {
        Set<String> keys = new HashSet<>(batch.published);
        for (int i = 0; i < batch.noise; i++) {
            keys.add(noiseKey(batch, i));
        }
        long count = 0;
        for (ConsumerRecord<byte[], byte[]> record : committedRecords(Topics.DEAD_LETTER)) {
            if (record.key() != null && keys.contains(new String(record.key(), StandardCharsets.UTF_8))) {
                count++;
            }
        }
        return count;
    }

    /** Every committed record of a topic, from its start to its last stable offset when called. */
    private List<ConsumerRecord<byte[], byte[]>> committedRecords(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, SETTLE).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, SETTLE);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, SETTLE) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + SETTLE);
                }
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
            return records;
        }
    }

    private String writeProperties(String file, Map<String, ?> values) throws IOException {
        Path path = tmp.resolve(file);
        Files.writeString(path, values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + String.valueOf(entry.getValue()).replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n")));
        return path.toString();
    }

}
