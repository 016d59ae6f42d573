package io.newsflow.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.newsflow.extraction.Extractor;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.SharedData;
import io.newsflow.testing.TestRegistry;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * On the same in-process broker, the same corpus articles and the same two cores: the extraction library alone,
 * a pass-through Streams app with the same guarantee and serdes (Avro in, Avro out, exactly_once_v2, one stream
 * thread), and the enrichment app. Prints the three rates, the enrichment app's ratios to the other two, and
 * where the enrichment app's CPU time went, from a JFR profile of its threads.
 *
 * <pre>./mvnw -q -pl enrichment-streams test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newsflow.enrichment.EnrichmentBenchmark [-Dexec.args="ARTICLES [BUDGET_MS]"]</pre>
 */
public final class EnrichmentBenchmark {

    private static final String PASS_THROUGH_TOPIC = "bench.passthrough";
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /**
     * Articles each measurement runs first, unmeasured, so that the JIT has compiled what it runs: WARM_UP_ROUNDS
     * times the first WARM_UP articles ({@code -Dbench.warmup.rounds} changes the rounds). With two stream threads
     * on two cores one round was not enough: the compiler thread, starved during warm-up, was still compiling
     * (10.6 s of C2 time in a 10 s measurement, against 1.8 s after three rounds).
     */
    private static final int WARM_UP = 10_000;
    private static final int WARM_UP_ROUNDS = 3;
    /** Attribution of a profile sample: the first frame, from the top, whose class starts with one of these. */
    private static final Map<String, String> CATEGORIES = new java.util.LinkedHashMap<>();

    static {
        CATEGORIES.put("io.newsflow.extraction.", "extraction library");
        CATEGORIES.put("org.apache.avro.", "Avro encoding/decoding");
        CATEGORIES.put("io.apicurio.", "registry serde (Apicurio)");
        CATEGORIES.put("org.rocksdb.", "duplicate store (RocksDB)");
        CATEGORIES.put("org.apache.kafka.streams.state.", "duplicate store (Streams state)");
        CATEGORIES.put("io.newsflow.enrichment.", "enrichment app code");
        CATEGORIES.put("org.apache.kafka.", "Kafka clients and Streams runtime");
    }

    public static void main(String[] args) throws Exception {
        Path corpus = SharedData.dir() == null ? null : SharedData.dir().resolve("corpus/news.jsonl");
        if (corpus == null || !Files.exists(corpus)) {
            System.out.println("skipped: ../shared/data/corpus/news.jsonl is not here (development data)");
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        long budgetMs = args.length > 1 ? Long.parseLong(args[1]) : EnrichmentConfig.EXTRACTION_TIMEOUT_MS_DEFAULT;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Map<String, Object> streamsOverrides = streamsOverrides();
        List<RawArticle> articles = load(corpus, count);
        Extractor extractor = Extractor.load();

        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            String registryUrl = TestRegistry.shared().apiUrl();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Topics.ensureCreated(admin);
                admin.createTopics(List.of(new NewTopic(PASS_THROUGH_TOPIC, 6, (short) 1))).all().get();
            }
            // The apps meet the warm-up copies first, as the extraction-alone loop does: all three are measured in
            // steady state, after the JIT has compiled the path each of them calls extraction through.
            List<RawArticle> warmUp = new ArrayList<>();
            for (int round = 0; round < Integer.getInteger("bench.warmup.rounds", WARM_UP_ROUNDS); round++) {
                for (RawArticle article : articles.subList(0, Math.min(WARM_UP, articles.size()))) {
                    warmUp.add(RawArticle.newBuilder(article).setId("warm-up-" + round + "-" + article.getId())
                            .build());
                }
            }
            produce(kafka.bootstrapServers(), registryUrl, warmUp);
            produce(kafka.bootstrapServers(), registryUrl, articles);
            // Measured with the broker and registry up, before and after the apps, so that the three rates share
            // the machine's conditions as far as a shared machine allows; the mean of the two counts.
            double before = extractionRate(extractor, warmUp, articles, threads);
            System.out.printf("extraction alone: %,.0f articles/s (%d articles, %d threads)%n", before,
                    articles.size(), threads);
            if (!streamsOverrides.isEmpty()) {
                System.out.println("both Streams apps with " + streamsOverrides);
            }
            Path stateDir = Files.createTempDirectory("newsflow-bench-state");

            double passThrough;
            try (KafkaStreams streams = passThrough(kafka.bootstrapServers(), registryUrl, stateDir, threads,
                    streamsOverrides)) {
                streams.start();
                passThrough = outputRate(kafka.bootstrapServers(), PASS_THROUGH_TOPIC, warmUp.size(),
                        articles.size(), () -> { });
            }
            System.out.printf("pass-through Streams (exactly_once_v2, Avro in and out): %,.0f records/s%n", passThrough);

            Map<String, Object> settings = new java.util.HashMap<>(streamsOverrides);
            settings.putAll(Map.of(
                    EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    EnrichmentConfig.REGISTRY_URL_CONFIG, registryUrl,
                    EnrichmentConfig.EXTRACTION_TIMEOUT_MS_CONFIG, budgetMs,
                    StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads,
                    "application.id", "bench-enrichment",
                    "state.dir", stateDir.toString()));
            EnrichmentConfig config = new EnrichmentConfig(settings);
            double enrichment;
            Path profile = Files.createTempFile("newsflow-enrichment", ".jfr");
            Predicate<String> appThreads = name -> name.contains("bench-enrichment")
                    || name.startsWith("newsflow-extraction");
            try (EnrichmentApp app = new EnrichmentApp(config, extractor); Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                long[] start = new long[2];
                app.start();
                enrichment = outputRate(kafka.bootstrapServers(), Topics.ENRICHED, warmUp.size(), articles.size(),
                        () -> {
                            recording.start();
                            start[0] = System.nanoTime();
                            start[1] = cpuNanos(appThreads);
                        });
                long wall = System.nanoTime() - start[0];
                recording.stop();
                long cpu = cpuNanos(appThreads) - start[1];
                System.out.printf("enrichment app threads: %.1f s on CPU in %.1f s of wall time (%.0f%%), %.2f ms of "
                                + "CPU per article%n", cpu / 1e9, wall / 1e9, 100.0 * cpu / wall,
                        cpu / 1e6 / articles.size());
                recording.dump(profile);
            }
            System.out.printf("enrichment app (extraction budget %d ms): %,.0f articles/s%n", budgetMs, enrichment);
            double after = extractionRate(extractor, warmUp, articles, threads);
            double extractionAlone = (before + after) / 2;
            System.out.printf("extraction alone, again: %,.0f articles/s; mean %,.0f%n", after, extractionAlone);
            System.out.printf("enrichment / extraction alone = %.2f; enrichment / pass-through = %.3f%n",
                    enrichment / extractionAlone, enrichment / passThrough);
            printProfile(profile, appThreads);
        }
    }

    private static List<RawArticle> load(Path corpus, int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<RawArticle> articles = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(corpus)) {
            String line;
            while (articles.size() < count && (line = lines.readLine()) != null) {
                JsonNode doc = json.readTree(line);
                if (doc.path("body").asText().isBlank()) {
                    continue;
                }
                articles.add(RawArticle.newBuilder()
                        .setId(doc.path("id").asText())
                        .setSource("corpus")
                        .setHeadline(doc.path("headline").asText())
                        .setBody(doc.path("body").asText())
                        .setLanguage(doc.path("lang").asText(null))
                        .setPublishedAt(doc.hasNonNull("published")
                                ? LocalDateTime.parse(doc.path("published").asText()).toInstant(ZoneOffset.UTC) : null)
                        .setReceivedAt(Instant.now())
                        .setFormat(InputFormat.OTHER)
                        .setContentHash(Integer.toHexString(line.hashCode()))
                        .setMetadata(Map.of())
                        .build());
            }
        }
        // Interleave the languages (the corpus is sorted Arabic first), as a live feed would be.
        List<RawArticle> mixed = new ArrayList<>(articles);
        java.util.Collections.shuffle(mixed, new java.util.Random(42));
        return mixed;
    }

    /**
     * A warm-up pass, then the measured one, the way the app calls it (headline + blank line + body, hint, date),
     * the articles dealt round-robin to {@code threads} threads as a Streams app's partitions deal them to its
     * threads.
     */
    private static double extractionRate(Extractor extractor, List<RawArticle> warmUp, List<RawArticle> articles,
                                         int threads) throws InterruptedException {
        for (RawArticle article : warmUp) {
            extract(extractor, article);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                for (int i = first; i < articles.size(); i += threads) {
                    extract(extractor, articles.get(i));
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
            }, "extraction-alone-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - start;
        System.out.printf("  (extraction alone: %.0f%% of %d threads' wall time on CPU, %.2f ms of CPU per article)%n",
                100.0 * cpu.get() / wall / threads, threads, cpu.get() / 1e6 / articles.size());
        return articles.size() / (wall / 1e9);
    }

    /** Streams settings given as {@code -Dbench.streams.NAME=VALUE}, applied to both apps alike. */
    private static Map<String, Object> streamsOverrides() {
        Map<String, Object> overrides = new TreeMap<>();
        String prefix = "bench.streams.";
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
                .forEach(name -> overrides.put(name.substring(prefix.length()), System.getProperty(name)));
        return overrides;
    }

    /** CPU time so far of the live threads whose names match (the app's threads live as long as the app). */
    private static long cpuNanos(Predicate<String> threads) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (threads.test(thread.getName())) {
                total += Math.max(0, mx.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    private static void extract(Extractor extractor, RawArticle article) {
        extractor.extract(ArticleEnricher.text(article), article.getLanguage(), article.getPublishedAt() == null
                ? null : LocalDate.ofInstant(article.getPublishedAt(), ZoneOffset.UTC));
    }

    private static void produce(String bootstrapServers, String registryUrl, List<RawArticle> articles) {
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), RegistrySerdes.<RawArticle>valueSerializer(registryUrl))) {
            for (RawArticle article : articles) {
                producer.send(new ProducerRecord<>(Topics.RAW, article.getId(), article));
            }
        }
    }

    private static KafkaStreams passThrough(String bootstrapServers, String registryUrl, Path stateDir, int threads,
                                            Map<String, Object> overrides) {
        AvroSerde<RawArticle> serde = new AvroSerde<>();
        serde.configure(RegistrySerdes.config(registryUrl), false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), serde))
                .mapValues(article -> article)
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.String(), serde));
        Properties props = new Properties();
        // The enrichment app's own commit interval and batch size, so that only the processing differs.
        Properties app = new EnrichmentConfig(Map.of(EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                EnrichmentConfig.REGISTRY_URL_CONFIG, registryUrl)).streamsProperties();
        for (String setting : List.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG))) {
            props.put(setting, app.get(setting));
        }
        props.putAll(overrides);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new KafkaStreams(builder.build(), props);
    }

    /**
     * Records per second on {@code topic}, read committed, over the {@code expected} records that follow the first
     * {@code skipped}; {@code atStart} runs when the measured ones begin.
     */
    private static double outputRate(String bootstrapServers, String topic, int skipped, int expected,
                                     Runnable atStart) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long seen = 0;
            long first = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (seen < skipped + expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + ": only " + seen + " of " + (skipped + expected)
                            + " records");
                }
                int polled = consumer.poll(Duration.ofMillis(100)).count();
                if (polled > 0 && first == 0 && seen + polled > skipped) {
                    first = System.nanoTime();
                    atStart.run();
                }
                seen += polled;
            }
            return expected / ((System.nanoTime() - first) / 1e9);
        }
    }

    private static void printProfile(Path profile, Predicate<String> appThreads) throws Exception {
        Map<String, Integer> byCategory = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(profile)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                    || !appThreads.test(event.getThread("sampledThread").getJavaName())) {
                continue;
            }
            total++;
            byCategory.merge(category(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        System.out.printf("where the enrichment app's CPU went (%d JFR samples of its stream and extraction threads):%n", total);
        int samples = total;
        byCategory.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
    }

    private static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> category : CATEGORIES.entrySet()) {
                if (type.startsWith(category.getKey())) {
                    return category.getValue();
                }
            }
        }
        return "JDK and other";
    }
}
