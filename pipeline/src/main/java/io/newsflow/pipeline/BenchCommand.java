package io.newsflow.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.extraction.Extractor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.pipeline.bench.BenchReport;
import io.newsflow.pipeline.bench.BenchStore;
import io.newsflow.pipeline.bench.CoreSecondsSplit;
import io.newsflow.pipeline.bench.ExtractionAlone;
import io.newsflow.pipeline.bench.LatencyRun;
import io.newsflow.pipeline.bench.MemoryPeaks;
import io.newsflow.pipeline.bench.PassThroughApp;
import io.newsflow.pipeline.bench.StagesAlone;
import io.newsflow.pipeline.bench.ProcessUsage;
import io.newsflow.pipeline.bench.StoryFeeder;
import io.newsflow.pipeline.bench.Throughput;
import io.newsflow.pipeline.local.LocalConnectWorker;
import io.newsflow.pipeline.local.LocalKafkaBroker;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.RegistrySerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole pipeline on this machine, as {@code demo} runs it (a KRaft broker and a Connect worker in child JVMs, the
 * registry in a child process, the enrichment app in this JVM), fed real corpus stories through the ingest stage:
 * first as fast as it takes them, then at fixed offered loads. Reports articles per second from the first story
 * handed to the ingest stage to the last one stored, and the latency of each story from the broker's acknowledgement
 * of its raw record to its row appearing in the store (polled every 100 ms).
 *
 * <p>Before that, on the same stories under other ids, it measures what bounds the pipeline: the extraction library
 * alone, a pass-through Streams app (the plumbing ceiling, {@link PassThroughApp}), and the enrichment app alone on a
 * filled {@code news.raw}. It reports the peak memory of each process and where the end-to-end run's core-seconds
 * went ({@link CoreSecondsSplit}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput (plumbing ceiling, extraction, enrichment, end to end), ingest-to-stored "
                + "latency, memory and CPU per process over real corpus stories.")
final class BenchCommand implements Callable<Integer> {

    /** The stages alone take the measured stories again under these ids, so that none is a duplicate of another. */
    private static final String ALONE_PREFIX = "urn:newsflow:bench-alone:";
    private static final String PREFIX = "urn:newsflow:bench:";

    @Option(names = "--corpus", paramLabel = "FILE", defaultValue = "../shared/data/corpus/news.jsonl",
            description = "JSON lines with id, lang, headline and body (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--stories", paramLabel = "N", defaultValue = "10000",
            description = "Stories fed as fast as the pipeline takes them (default: ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
            description = "Stories fed first and not measured, so that no run pays for the servers' warm-up "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rates", paramLabel = "PER_SECOND", split = ",", defaultValue = "100,500",
            description = "Offered loads for the latency runs, stories per second (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--seconds", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long each offered load is kept up (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "A jdbc:postgresql:// URL to store into PostgreSQL (the password, if any, from "
                    + "NEWSFLOW_BENCH_DATABASE_PASSWORD); default: a fresh SQLite file in the work directory.")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", defaultValue = "postgres",
            description = "PostgreSQL user (default: ${DEFAULT-VALUE}).")
    String databaseUser;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "data/bench",
            description = "Where the store, logs and the servers' data go; emptied first (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "Longest wait for a run's stories to be stored (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        int needed = warmup + stories + rates.stream().mapToInt(rate -> rate * seconds).sum();
        List<ObjectNode> corpusStories = CorpusStories.read(corpus, needed, PREFIX);
        if (corpusStories.size() < needed) {
            System.err.printf("bench: %s has %d usable stories, %d needed (each is fed once)%n", corpus,
                    corpusStories.size(), needed);
            return 2;
        }
        String password = System.getenv().getOrDefault("NEWSFLOW_BENCH_DATABASE_PASSWORD", "");
        DemoCommand.FileTrees.deleteRecursively(workDir);
        Path logs = Files.createDirectories(workDir.resolve("logs")).toAbsolutePath();
        Path run = Files.createDirectories(workDir.resolve("run")).toAbsolutePath();
        Path sqlite = workDir.resolve("newsflow.db").toAbsolutePath();
        BenchStore store = new BenchStore(databaseUrl != null ? databaseUrl : "jdbc:sqlite:" + sqlite, databaseUser,
                password);
        if (store.isPostgres()) {
            store.reset();
        }

        System.err.println("bench: starting the broker and the registry, loading the extraction library");
        Extractor extractor = Extractor.load();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(run.resolve("kafka"), logs);
             RegistryServer registry = RegistryServer.start(logs, run.resolve("registry"))) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("bootstrap.servers", broker.bootstrapServers());
            settings.put(RegistrySerdes.REGISTRY_URL, registry.apiUrl());
            SetupCommand.prepare(settings);
            Map<String, Object> enrichmentSettings = LocalStages.enrichmentSettings(settings, run.resolve("streams"));
            IngestConfig ingest = new IngestConfig(settings);
            try (StoryPublisher publisher = new StoryPublisher(ingest);
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                         broker.bootstrapServers()))) {
                StoryFeeder feeder = new StoryFeeder(publisher, ingest);
                List<ObjectNode> measured = corpusStories.subList(warmup, warmup + stories);
                List<ObjectNode> alone = renamed(measured);
                MemoryPeaks memory = new MemoryPeaks();

                int threads = streamThreads(enrichmentSettings);
                // The warm-up stories compile the extraction's hot code first, as they do for the end-to-end run.
                ExtractionAlone.run(extractor, corpusStories.subList(0, warmup), threads);
                memory.startStage();
                Throughput extraction = ExtractionAlone.run(extractor, measured, threads);
                memory.endStage("extraction alone");
                memory.startStage();
                StagesAlone stagesAlone = new StagesAlone(broker.bootstrapServers(), broker.pid(),
                        Duration.ofSeconds(timeoutSeconds));
                Throughput plumbing = stagesAlone.plumbingCeiling(enrichmentSettings, admin, feeder, alone,
                        run.resolve("inbox-plumbing"));
                memory.endStage("plumbing ceiling");
                memory.startStage();
                try (EnrichmentApp enrichment = new EnrichmentApp(new EnrichmentConfig(enrichmentSettings),
                        extractor)) {
                    Throughput enrichmentAlone = stagesAlone.enrichmentApp(() -> LocalStages.started(enrichment),
                            plumbing.stories());
                    memory.endStage("enrichment app alone");
                    try (LocalConnectWorker connect = startSink(store, sqlite, broker, registry, run, logs)) {
                        awaitStored(store, enrichmentAlone.stories());
                        ProcessUsage usage = new ProcessUsage(broker.pid(), connect.pid(), registry.pid(), store);
                        endToEnd(corpusStories, feeder, store, usage, memory, run, extraction, plumbing,
                                enrichmentAlone);
                        recordServersMemory(memory, broker, connect, registry, store);
                        new BenchReport(System.out).memory(store.isPostgres() ? "PostgreSQL" : "SQLite",
                                memory.rows());
                        return 0;
                    }
                }
            }
        }
    }

    /**
     * Warm-up, then the end-to-end run as fast as it goes with the processes' CPU time read around it, then the
     * offered loads; prints the throughput, ratio, latency and core-seconds sections.
     */
    private void endToEnd(List<ObjectNode> corpusStories, StoryFeeder feeder, BenchStore store, ProcessUsage usage,
                          MemoryPeaks memory, Path run, Throughput extraction, Throughput plumbing,
                          Throughput enrichmentAlone) throws Exception {
        LatencyRun latency = new LatencyRun(feeder, store, Duration.ofSeconds(timeoutSeconds));
        int next = 0;
        if (warmup > 0) {
            latency.measure("warm-up", corpusStories.subList(0, warmup), 0, run.resolve("inbox-warmup"));
            next += warmup;
        }
        memory.startStage();
        ProcessUsage.Sample before = usage.sample();
        LatencyRun.Result endToEnd = latency.measure("end to end, as fast as it goes",
                corpusStories.subList(next, next + stories), 0, run.resolve("inbox-all"));
        ProcessUsage.Sample after = usage.sample();
        next += stories;
        List<LatencyRun.Result> runs = new ArrayList<>(List.of(endToEnd));
        for (int rate : rates) {
            int count = rate * seconds;
            runs.add(latency.measure("offered " + rate + " stories/s for " + seconds + " s",
                    corpusStories.subList(next, next + count), rate, run.resolve("inbox-" + rate)));
            next += count;
        }
        memory.endStage("end to end and offered loads");
        CoreSecondsSplit split = new CoreSecondsSplit(before, after, extraction, endToEnd);
        BenchReport report = new BenchReport(System.out);
        report.throughput(plumbing, extraction, enrichmentAlone, endToEnd, split.pipeline());
        report.latency(runs);
        report.coreSeconds(split, endToEnd.stories());
    }

    private LocalConnectWorker startSink(BenchStore store, Path sqlite, LocalKafkaBroker broker,
                                         RegistryServer registry, Path run, Path logs) {
        System.err.println("bench: starting the sink");
        Map<String, String> sink = LocalStages.sinkConnectorConfig(sqlite, broker.bootstrapServers(),
                registry.apiUrl());
        if (store.isPostgres()) {
            sink.put("connection.url", store.url());
            sink.put("connection.user", store.user());
            sink.put("connection.password", store.password());
        }
        return LocalConnectWorker.start(broker.bootstrapServers(), run.resolve("connect"), logs, sink);
    }

    /** The servers' peak resident sets over the whole run: their heap is not visible from here. */
    private static void recordServersMemory(MemoryPeaks memory, LocalKafkaBroker broker, LocalConnectWorker connect,
                                            RegistryServer registry, BenchStore store) throws SQLException {
        memory.recordProcess(ProcessUsage.BROKER, "whole run", broker.pid());
        memory.recordProcess(ProcessUsage.CONNECT, "whole run", connect.pid());
        memory.recordProcess(ProcessUsage.REGISTRY, "whole run", registry.pid());
        if (store.isPostgres()) {
            memory.recordLargest("PostgreSQL backend (largest of the sink's)", "whole run", store.otherBackendPids());
        }
    }

    /** Waits until the sink has stored what the enrichment app alone wrote, so that no later run pays for it. */
    private void awaitStored(BenchStore store, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        long stored;
        while ((stored = store.articles()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(stored + " of the " + expected + " enriched stories stored within "
                        + timeoutSeconds + " s; see " + workDir.resolve("logs"));
            }
            Thread.sleep(200);
        }
    }

    /** The measured stories under other ids, for the stages alone. */
    private static List<ObjectNode> renamed(List<ObjectNode> stories) {
        return stories.stream().map(story -> story.deepCopy()
                .put("uri", ALONE_PREFIX + story.get("uri").asText().substring(PREFIX.length()))).toList();
    }

    /** How many stream threads the enrichment app runs with these settings: the extraction alone gets as many. */
    private static int streamThreads(Map<String, Object> enrichmentSettings) {
        return Integer.parseInt(String.valueOf(new EnrichmentConfig(enrichmentSettings).streamsProperties()
                .getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1")));
    }

}
