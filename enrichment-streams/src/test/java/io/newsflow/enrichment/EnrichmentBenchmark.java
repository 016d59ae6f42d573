package io.newsflow.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.extraction.Extractor;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.SchemaRegistration;
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
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * On the same in-process broker, the same corpus articles and the same two cores: the extraction library alone,
 * a pass-through Streams app with the same guarantee and serdes (Avro in, Avro out, exactly_once_v2), and the
 * enrichment app, measured in rounds of turns taken with extraction alone (see {@code interleavedRound}).
 * Prints the rates, the enrichment app's ratios to the other two, and where the time went in its last round: the
 * CPU of every thread of the process (the broker's, the JIT's and the collector's too) and how long the stream
 * thread waited for a core, a JFR profile of the app's CPU, the JIT compilations and deoptimizations, and where the
 * stream thread blocked.
 *
 * <pre>./mvnw -q -pl enrichment-streams test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newsflow.enrichment.EnrichmentBenchmark [-Dexec.args="ARTICLES [BUDGET_MS [THREADS]]"]</pre>
 */
public final class EnrichmentBenchmark {

    private static final String PASS_THROUGH_TOPIC = "bench.passthrough";
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /**
     * Articles each measurement runs first, unmeasured, so that the JIT has compiled what it runs: WARM_UP_ROUNDS
     * times the first WARM_UP articles ({@code -Dbench.warmup.rounds} changes the rounds). With two stream threads
     * on two cores one round is not enough: the compiler thread, starved during warm-up, is still compiling during
     * the measurement.
     */
    private static final int WARM_UP = 10_000;
    private static final int WARM_UP_ROUNDS = 3;
    /**
     * Measured rounds ({@code -Dbench.rounds}), each a fresh copy of the articles through the app in turns with
     * extraction alone; the ratio reported is the median of the rounds' ratios.
     */
    private static final int ROUNDS = 3;
    /** How long each side runs in one turn ({@code -Dbench.turn.ms}). */
    private static final Duration TURN = Duration.ofSeconds(2);
    /**
     * How often the app's count is read during its turns: the turn's ends are known to this much. The reading
     * thread competes with the app alone (extraction alone's turns wait on a future), so it reads seldom.
     */
    private static final long POLL_NANOS = 5_000_000;
    /** The first turn's articles; later turns take as many as the app enriched in the previous turn's time. */
    private static final int FIRST_TURN_ARTICLES = 500;
    private static final String AVRO = "Avro encoding/decoding";
    private static final List<String> BLOCKING_EVENTS = List.of("jdk.ThreadPark", "jdk.JavaMonitorWait",
            "jdk.JavaMonitorEnter", "jdk.SocketRead", "jdk.ThreadSleep");
    /** Attribution of a profile sample: the first frame, from the top, whose class starts with one of these. */
    private static final Map<String, String> CATEGORIES = new java.util.LinkedHashMap<>();

    static {
        CATEGORIES.put("io.newsflow.extraction.", "extraction library");
        CATEGORIES.put("org.apache.avro.", AVRO);
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
            SchemaRegistration setup = SchemaRegistration.forRegistryUrl(registryUrl);
            setup.registerAll();
            setup.register(SchemaRegistration.subject(PASS_THROUGH_TOPIC), RawArticle.getClassSchema());
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
            java.util.concurrent.ExecutorService aloneThreads = java.util.concurrent.Executors.newFixedThreadPool(
                    threads, runnable -> {
                        Thread thread = new Thread(runnable, "extraction-alone-" + runnable.hashCode());
                        thread.setDaemon(true);
                        return thread;
                    });
            // Extraction alone's warm-up, on the threads its turns use, with the broker and registry up.
            long[] first = runAlone(extractor, aloneThreads, warmUp, threads, new int[1], warmUp.size());
            System.out.printf("extraction alone, warm-up: %,.0f articles/s (%d threads)%n",
                    first[0] / (first[1] / 1e9), threads);
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
            int rounds = Integer.getInteger("bench.rounds", ROUNDS);
            Duration turn = Duration.ofMillis(Long.getLong("bench.turn.ms", TURN.toMillis()));
            double[] alone = new double[rounds];
            double[] enriched = new double[rounds];
            java.time.Instant[] appStarted = new java.time.Instant[1];
            Path profile = Files.createTempFile("newsflow-enrichment", ".jfr");
            Predicate<String> appThreads = name -> name.contains("bench-enrichment")
                    || name.startsWith("newsflow-extraction");
            try (EnrichmentApp app = new EnrichmentApp(config, extractor); Recording recording = new Recording()) {
                // Every 20 ms: more often, the sampler thread itself takes a visible share of a core from the app.
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(20));
                // Time in native code (RocksDB, LZ4 through JNI, socket reads) is sampled apart from Java code.
                recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
                recording.enable("jdk.Compilation").withThreshold(Duration.ofMillis(10));
                recording.enable("jdk.Deoptimization").withStackTrace();
                for (String blocking : BLOCKING_EVENTS) {
                    recording.enable(blocking).withThreshold(Duration.ofMillis(1)).withStackTrace();
                }
                app.start();
                Counted enrichedCount = articlesEnriched(app);
                // Its warm-up: everything on news.raw so far, the warm-up copies and the pass-through's articles.
                outputRate(kafka.bootstrapServers(), Topics.ENRICHED, 0, warmUp.size() + articles.size(), () -> { });
                Interleaved last = null;
                ThreadCpu threadsAtStart = null;
                long appCpuAtStart = 0;
                long wallAtStart = 0;
                for (int round = 1; round <= rounds; round++) {
                    if (round == rounds) {
                        // The profile covers the last round, both sides of it, told apart by thread.
                        recording.start();
                        appStarted[0] = java.time.Instant.now();
                        threadsAtStart = ThreadCpu.snapshot();
                        appCpuAtStart = cpuNanos(appThreads);
                        wallAtStart = System.nanoTime();
                    }
                    last = interleavedRound(kafka.bootstrapServers(), registryUrl, enrichedCount, extractor, aloneThreads,
                            articles, round, threads, turn);
                    alone[round - 1] = last.aloneRate();
                    enriched[round - 1] = last.appRate();
                    System.out.printf("round %d, %d turns each: extraction alone %,.0f articles/s, enrichment app"
                                    + " %,.0f articles/s: %.2f (ratios of the turns: median %.2f, middle half %.2f-%.2f)%n",
                            round, last.turns(), alone[round - 1], enriched[round - 1],
                            enriched[round - 1] / alone[round - 1], last.turnRatio(0.5), last.turnRatio(0.25),
                            last.turnRatio(0.75));
                }
                ThreadCpu threadsAtEnd = ThreadCpu.snapshot();
                long wall = System.nanoTime() - wallAtStart;
                recording.stop();
                long cpu = cpuNanos(appThreads) - appCpuAtStart;
                System.out.printf("last round, both sides (the app's %.1f s and extraction alone's %.1f s):%n",
                        last.appNanos() / 1e9, last.aloneNanos() / 1e9);
                if (threadsAtStart != null && threadsAtEnd != null) {
                    threadsAtEnd.printSince(threadsAtStart, wall / 1e9, 12);
                }
                System.out.printf("enrichment app threads: %.1f s of CPU in the round, idle time included (its turns"
                                + " took %.1f s), %.2f ms of CPU per article; extraction alone: %.2f ms of CPU per"
                                + " article%n", cpu / 1e9, last.appNanos() / 1e9, cpu / 1e6 / last.appArticles(),
                        last.aloneCpuNanos() / 1e6 / last.aloneArticles());
                recording.dump(profile);
            } finally {
                aloneThreads.shutdownNow();
            }
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = enriched[round] / alone[round];
            }
            double enrichment = median(enriched);
            System.out.printf("enrichment app (extraction budget %d ms): median %,.0f articles/s over %d rounds%n",
                    budgetMs, enrichment, rounds);
            System.out.printf("enrichment / extraction alone = %.2f (median of the rounds' ratios %s); "
                            + "enrichment / pass-through = %.3f%n", median(ratios),
                    java.util.Arrays.toString(java.util.Arrays.stream(ratios)
                            .map(r -> Math.round(r * 100) / 100.0).toArray()), enrichment / passThrough);
            printProfile(profile, appThreads, appStarted[0]);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * One round: fresh copies of {@code articles} go to news.raw a turn's worth at a time, each in a transaction
     * of its own, and the app (which reads committed records only) and extraction alone take turns of about
     * {@code turn} each until the app has enriched them all; then all of them are read back committed from
     * news.enriched. The app sees a turn's articles at once when their transaction commits, and idles when it has
     * enriched them: the input, not a hook into the app, decides when it works.
     *
     * <p>The turns are what makes the two comparable: on this machine the extraction library's own speed moves by a
     * third within a minute, so two measurements a minute apart compare the machine's moods; turns of a second or
     * two share them. An app turn counts from the first article it finishes to the last, as read from its
     * {@code newsflow.enrichment.records.out} counter; exactly-once commits keep running on the commit timer while
     * it idles, so some of them fall outside the app's turns.
     */
    private static Interleaved interleavedRound(String bootstrapServers, String registryUrl, Counted app,
                                                Extractor extractor, java.util.concurrent.ExecutorService aloneThreads,
                                                List<RawArticle> articles, int round, int threads, Duration turn)
            throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrapServers);
             KafkaProducer<String, RawArticle> producer = turnProducer(bootstrapServers, registryUrl, round)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED).stream()
                    .map(info -> new TopicPartition(Topics.ENRICHED, info.partition())).toList();
            long committedBefore = committed(consumer, partitions);
            producer.initTransactions();
            Interleaved result = new Interleaved();
            int[] next = {0};
            int produced = 0;
            int batch = FIRST_TURN_ARTICLES;
            while (produced < articles.size()) {
                int n = Math.min(batch, articles.size() - produced);
                long target = app.count() + n;
                producer.beginTransaction();
                for (RawArticle article : articles.subList(produced, produced + n)) {
                    String id = "round-" + round + "-" + article.getId();
                    producer.send(new ProducerRecord<>(Topics.RAW, id, RawArticle.newBuilder(article).setId(id).build()));
                }
                producer.commitTransaction();
                produced += n;
                long[] appSide = appTurn(app, target);
                long cpuBefore = extractionThreadsCpuNanos();
                long[] aloneSide = runAlone(extractor, aloneThreads, articles, threads, next, turn);
                result.add(appSide[0], appSide[1], aloneSide[0], aloneSide[1],
                        extractionThreadsCpuNanos() - cpuBefore);
                if (appSide[0] > 0 && appSide[1] > 0) {
                    batch = (int) Math.max(1, appSide[0] * turn.toNanos() / appSide[1]);
                }
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (committed(consumer, partitions) - committedBefore < articles.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("round " + round + ": only "
                            + (committed(consumer, partitions) - committedBefore) + " of " + articles.size()
                            + " enriched articles committed");
                }
                Thread.sleep(50);
            }
            return result;
        }
    }

    /** One turn of the app: {articles it finished, nanoseconds from the first of them to the last}. */
    private static long[] appTurn(Counted app, long target) {
        long started = System.nanoTime();
        long lastCount = app.count();
        long firstAt = 0;
        long firstCount = 0;
        long lastAt = 0;
        while (lastCount < target) {
            long now = System.nanoTime();
            long count = app.count();
            if (count != lastCount) {
                if (firstAt == 0) {
                    firstAt = now;
                    firstCount = count;
                }
                lastAt = now;
                lastCount = count;
            }
            if (firstAt == 0 && now - started > TIMEOUT.toNanos()) {
                throw new IllegalStateException("the app enriched nothing in " + TIMEOUT);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
        }
        return new long[]{lastCount - firstCount, lastAt - firstAt};
    }

    /** The app's count of enriched articles, as its metrics expose it. */
    @FunctionalInterface
    private interface Counted {
        long count();
    }

    private static Counted articlesEnriched(EnrichmentApp app) {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        app.bindMetrics(registry);
        io.micrometer.core.instrument.FunctionCounter out =
                registry.get("newsflow.enrichment.records.out").functionCounter();
        return () -> (long) out.count();
    }

    private static KafkaProducer<String, RawArticle> turnProducer(String bootstrapServers, String registryUrl,
                                                                  int round) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-turns-" + round,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), RegistrySerdes.<RawArticle>valueSerializer(registryUrl));
    }

    private static long committed(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The app's and extraction alone's turns of one round. */
    private static final class Interleaved {
        private long appArticles;
        private long appNanos;
        private long aloneArticles;
        private long aloneNanos;
        private long aloneCpuNanos;
        private final List<Double> turnRatios = new ArrayList<>();

        void add(long appCount, long appTime, long aloneCount, long aloneTime, long aloneCpu) {
            appArticles += appCount;
            appNanos += appTime;
            aloneArticles += aloneCount;
            aloneNanos += aloneTime;
            aloneCpuNanos += aloneCpu;
            if (appCount > 0 && aloneCount > 0 && appTime > 0 && aloneTime > 0) {
                turnRatios.add(((double) appCount / appTime) / ((double) aloneCount / aloneTime));
            }
        }

        double appRate() {
            return appArticles / (appNanos / 1e9);
        }

        double aloneRate() {
            return aloneArticles / (aloneNanos / 1e9);
        }

        int turns() {
            return turnRatios.size();
        }

        double turnRatio(double quantile) {
            List<Double> sorted = turnRatios.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, quantile * sorted.size()));
        }

        long appArticles() {
            return appArticles;
        }

        long appNanos() {
            return appNanos;
        }

        long aloneArticles() {
            return aloneArticles;
        }

        long aloneNanos() {
            return aloneNanos;
        }

        long aloneCpuNanos() {
            return aloneCpuNanos;
        }
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
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
     * Extraction alone for about {@code turn}, the way the app calls it (headline + blank line + body, hint, date),
     * on the pool's threads, taking articles in turn from {@code next} on (wrapping around), as a Streams app's
     * partitions deal them to its threads: {articles finished, nanoseconds from the first start to the last end}.
     */
    private static long[] runAlone(Extractor extractor, java.util.concurrent.ExecutorService pool,
                                   List<RawArticle> articles, int threads, int[] next, Duration turn) throws Exception {
        return runAlone(extractor, pool, articles, threads, next, turn, Integer.MAX_VALUE);
    }

    /** Every article of {@code articles}, once. */
    private static long[] runAlone(Extractor extractor, java.util.concurrent.ExecutorService pool,
                                   List<RawArticle> articles, int threads, int[] next, int count) throws Exception {
        return runAlone(extractor, pool, articles, threads, next, TIMEOUT, count);
    }

    private static long[] runAlone(Extractor extractor, java.util.concurrent.ExecutorService pool,
                                   List<RawArticle> articles, int threads, int[] next, Duration turn, int limit)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger cursor = new java.util.concurrent.atomic.AtomicInteger(next[0]);
        java.util.concurrent.atomic.AtomicLong finished = new java.util.concurrent.atomic.AtomicLong();
        long stopAtIndex = (long) next[0] + limit;
        long start = System.nanoTime();
        long stopAt = start + turn.toNanos();
        List<java.util.concurrent.Future<Long>> ends = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ends.add(pool.submit(() -> {
                long end = start;
                int index;
                while (System.nanoTime() < stopAt && (index = cursor.getAndIncrement()) < stopAtIndex) {
                    extract(extractor, articles.get(Math.floorMod(index, articles.size())));
                    finished.incrementAndGet();
                    end = System.nanoTime();
                }
                return end;
            }));
        }
        long end = start;
        for (java.util.concurrent.Future<Long> threadEnd : ends) {
            end = Math.max(end, threadEnd.get());
        }
        next[0] = (int) Math.min(cursor.get(), stopAtIndex);
        return new long[]{finished.get(), end - start};
    }

    /** CPU time so far of the extraction-alone threads. */
    private static long extractionThreadsCpuNanos() {
        return cpuNanos(name -> name.startsWith("extraction-alone-"));
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
        EnrichmentConfig config = new EnrichmentConfig(Map.of(EnrichmentConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                EnrichmentConfig.REGISTRY_URL_CONFIG, registryUrl));
        // The enrichment app's own serdes, registry retries included, so that only the processing differs.
        Serde<RawArticle> serde = EnrichmentTopology.registrySerde(config, new EnrichmentMetrics());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), serde))
                .mapValues(article -> article)
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.String(), serde));
        Properties props = new Properties();
        // The enrichment app's own commit interval and batch size, so that only the processing differs.
        Properties app = config.streamsProperties();
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
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrapServers)) {
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

    /**
     * The last round's recording: it covers the extraction-alone run and the app's round, so the samples are told
     * apart by thread and the JIT's events by time.
     */
    private static void printProfile(Path profile, Predicate<String> appThreads, java.time.Instant appStart)
            throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(profile);
        printCpu(events, appThreads);
        printMethodsAloneAndInApp(events);
        printJit(events.stream().filter(event -> event.getStartTime().isAfter(appStart)).toList());
        printWaits(events, appStart);
    }

    private static void printCpu(List<RecordedEvent> events, Predicate<String> appThreads) {
        Map<String, Integer> byCategory = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (!(type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample"))
                    || !appThreads.test(event.getThread("sampledThread").getJavaName())) {
                continue;
            }
            String category = category(event.getStackTrace().getFrames());
            if (type.equals("jdk.NativeMethodSample")) {
                if (inEpoll(event) || event.getStackTrace().getFrames().stream()
                        .anyMatch(f -> f.getMethod().getType().getName().equals("java.lang.Object"))) {
                    continue; // waiting for the network or a monitor, not computing
                }
                category = "native code under " + category;
            }
            total++;
            byCategory.merge(category, 1, Integer::sum);
        }
        System.out.printf("where the enrichment app's CPU went (%d JFR samples of its stream and extraction threads, "
                + "Java and native):%n", total);
        int samples = total;
        byCategory.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
    }

    /** The same extraction code, per method, run alone and in the app's stream thread, on the same articles. */
    private static void printMethodsAloneAndInApp(List<RecordedEvent> events) {
        Map<String, int[]> byMethod = new java.util.HashMap<>();
        int[] threadSamples = new int[2];
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = event.getThread("sampledThread").getJavaName();
            int side = thread.startsWith("extraction-alone") ? 0 : isStreamThread(thread) ? 1 : -1;
            if (side < 0 || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            RecordedFrame top = event.getStackTrace().getFrames().get(0);
            String method = top.getMethod().getType().getName().replace("io.newsflow.extraction.", "")
                    + "." + top.getMethod().getName();
            byMethod.computeIfAbsent(method, k -> new int[2])[side]++;
            threadSamples[side]++;
        }
        System.out.printf("top methods, JFR samples alone / in the app's stream thread (%d / %d samples in all):%n",
                threadSamples[0], threadSamples[1]);
        byMethod.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue()[0] + b.getValue()[1],
                        a.getValue()[0] + a.getValue()[1])).limit(15)
                .forEach(e -> System.out.printf("  %4d  %4d  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
    }

    private static void printJit(List<RecordedEvent> events) {
        Map<String, double[]> compiled = new TreeMap<>();
        Map<String, Integer> deoptimized = new TreeMap<>();
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.Compilation") && !type.equals("jdk.Deoptimization")) {
                continue;
            }
            String method = event.getValue("method") instanceof jdk.jfr.consumer.RecordedMethod m
                    ? m.getType().getName() + "." + m.getName() : "?";
            if (type.equals("jdk.Compilation")) {
                double[] sum = compiled.computeIfAbsent(method, k -> new double[2]);
                sum[0] += event.getDuration().toNanos() / 1e9;
                sum[1]++;
            } else {
                deoptimized.merge(method + " (" + event.getValue("reason") + ")", 1, Integer::sum);
            }
        }
        System.out.printf("JIT compilations of 10 ms or more during the app's round: %d, %.2f s; the longest:%n",
                compiled.values().stream().mapToInt(v -> (int) v[1]).sum(),
                compiled.values().stream().mapToDouble(v -> v[0]).sum());
        compiled.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(8)
                .forEach(e -> System.out.printf("  %5.2f s  %2.0f×  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
        System.out.printf("deoptimizations: %d; the most frequent:%n",
                deoptimized.values().stream().mapToInt(Integer::intValue).sum());
        deoptimized.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
    }

    private static void printWaits(List<RecordedEvent> events, java.time.Instant appStart) {
        Map<String, double[]> blocked = new TreeMap<>();
        int polling = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.NativeMethodSample") && event.getEndTime().isAfter(appStart)
                    && isStreamThread(event.getThread("sampledThread").getJavaName()) && inEpoll(event)) {
                polling++;
            } else if (BLOCKING_EVENTS.contains(type) && event.getThread() != null
                    && isStreamThread(event.getThread().getJavaName()) && event.getStackTrace() != null) {
                double[] sum = blocked.computeIfAbsent(waitingIn(event.getStackTrace().getFrames()),
                        k -> new double[2]);
                sum[0] += event.getDuration().toNanos() / 1e9;
                sum[1]++;
            }
        }
        System.out.printf("stream thread in epoll (waiting for the broker's responses; idle time included), from "
                + "native samples every 20 ms: about %.2f s%n", polling * 0.020);
        System.out.println("where its stream thread waited, idle time included (JFR park, monitor and socket events "
                + "of 1 ms or more):");
        blocked.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(8)
                .forEach(entry -> System.out.printf("  %6.2f s in %5.0f waits  %s%n", entry.getValue()[0],
                        entry.getValue()[1], entry.getKey()));
    }

    private static boolean inEpoll(RecordedEvent sample) {
        return sample.getStackTrace().getFrames().stream()
                .anyMatch(f -> f.getMethod().getType().getName().startsWith("sun.nio.ch.EPoll"));
    }

    /** The app's stream threads, not the clients' network or heartbeat threads whose names also carry its id. */
    private static boolean isStreamThread(String name) {
        return name.startsWith("bench-enrichment") && name.contains("-StreamThread-");
    }

    /** The outermost Kafka or newsflow method below the blocking call: what the thread was waiting to finish. */
    private static String waitingIn(List<RecordedFrame> frames) {
        String innermost = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.apache.kafka.") || type.startsWith("io.newsflow.")) {
                String name = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
                if (innermost == null) {
                    innermost = name;
                }
                if (type.startsWith("org.apache.kafka.streams.processor.internals.TaskManager")
                        || type.startsWith("org.apache.kafka.streams.processor.internals.StreamThread")) {
                    return name + " > " + innermost;
                }
            }
        }
        return innermost == null ? "JDK and other" : innermost;
    }

    private static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().equals("org.apache.avro.SchemaNormalization")) {
                // the registry serializer fingerprints the schema to find its id, for every record
                return "schema fingerprint (registry serde's id cache)";
            }
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> category : CATEGORIES.entrySet()) {
                if (type.startsWith(category.getKey())) {
                    return category.getValue().equals(AVRO) ? avroDirection(frames) : category.getValue();
                }
            }
        }
        return "JDK and other";
    }

    private static String avroDirection(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.contains("DatumReader") || type.contains("Decoder")) {
                return "Avro decoding (input)";
            }
            if (type.contains("DatumWriter") || type.contains("Encoder")) {
                return "Avro encoding (output)";
            }
        }
        return AVRO;
    }
}
