package io.newsflow.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.pipeline.local.LocalConnectWorker;
import io.newsflow.pipeline.local.LocalKafkaBroker;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole pipeline on this machine, as {@code demo} runs it (a KRaft broker and a Connect worker in child JVMs, the
 * registry in a child process, the enrichment app in this JVM), fed real corpus stories through the ingest stage:
 * first as fast as it takes them, then at fixed offered loads. Reports articles per second from the first story
 * handed to the ingest stage to the last one stored, and the latency of each story from the broker's acknowledgement
 * of its raw record to its row appearing in the store (polled every 100 ms).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure end-to-end throughput and ingest-to-stored latency over real corpus stories.")
final class BenchCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(100);

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

    private String password = "";

    @Override
    public Integer call() throws Exception {
        int needed = warmup + stories + rates.stream().mapToInt(rate -> rate * seconds).sum();
        List<ObjectNode> corpusStories = CorpusStories.read(corpus, needed, "urn:newsflow:bench:");
        if (corpusStories.size() < needed) {
            System.err.printf("bench: %s has %d usable stories, %d needed (each is fed once)%n", corpus,
                    corpusStories.size(), needed);
            return 2;
        }
        password = System.getenv().getOrDefault("NEWSFLOW_BENCH_DATABASE_PASSWORD", "");
        DemoCommand.FileTrees.deleteRecursively(workDir);
        Path logs = Files.createDirectories(workDir.resolve("logs")).toAbsolutePath();
        Path run = Files.createDirectories(workDir.resolve("run")).toAbsolutePath();
        Path sqlite = workDir.resolve("newsflow.db").toAbsolutePath();
        String storeUrl = databaseUrl != null ? databaseUrl : "jdbc:sqlite:" + sqlite;
        if (databaseUrl != null) {
            resetPostgres();
        }

        System.err.println("bench: starting the broker, the registry, enrichment and the sink");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(run.resolve("kafka"), logs);
             RegistryServer registry = RegistryServer.start(logs, run.resolve("registry"))) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("bootstrap.servers", broker.bootstrapServers());
            settings.put(RegistrySerdes.REGISTRY_URL, registry.apiUrl());
            SetupCommand.prepare(settings);
            Map<String, String> sink = LocalStages.sinkConnectorConfig(sqlite, broker.bootstrapServers(),
                    registry.apiUrl());
            if (databaseUrl != null) {
                sink.put("connection.url", databaseUrl);
                sink.put("connection.user", databaseUser);
                sink.put("connection.password", password);
            }
            IngestConfig ingest = new IngestConfig(settings);
            try (var enrichment = LocalStages.startEnrichment(settings, run.resolve("streams"));
                 LocalConnectWorker connect = LocalConnectWorker.start(broker.bootstrapServers(),
                         run.resolve("connect"), logs, sink);
                 StoryPublisher publisher = new StoryPublisher(ingest)) {
                List<String> rows = new ArrayList<>();
                int next = 0;
                if (warmup > 0) {
                    measure("warm-up", corpusStories.subList(next, next + warmup), 0, publisher, ingest,
                            run.resolve("inbox-warmup"), storeUrl);
                    next += warmup;
                }
                rows.add(measure("end to end, as fast as it goes", corpusStories.subList(next, next + stories),
                        0, publisher, ingest, run.resolve("inbox-all"), storeUrl));
                next += stories;
                for (int rate : rates) {
                    int count = rate * seconds;
                    rows.add(measure("offered " + rate + " stories/s for " + seconds + " s",
                            corpusStories.subList(next, next + count), rate, publisher, ingest,
                            run.resolve("inbox-" + rate), storeUrl));
                    next += count;
                }
                System.out.println("| run | stories | wall | articles/s | p50 | p99 | max |");
                System.out.println("|---|---|---|---|---|---|---|");
                rows.forEach(System.out::println);
                System.out.printf("%nstore: %s; peak heap of this JVM (ingest, enrichment): %d MiB; peak RSS: %s%n",
                        databaseUrl != null ? "PostgreSQL" : "SQLite", peakHeapMiB(), peakRss());
                return 0;
            }
        }
    }

    /**
     * Feeds the stories through the ingest stage, {@code perSecond} of them each second (0: all at once), waits
     * until each is stored, and returns the table row.
     */
    private String measure(String name, List<ObjectNode> batch, int perSecond, StoryPublisher publisher,
                           IngestConfig ingest, Path inbox, String storeUrl) throws Exception {
        System.err.printf("bench: %s (%d stories)%n", name, batch.size());
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        IngestListener listener = new IngestListener() {
            @Override
            public void published(RawArticle article) {
                acknowledged.putIfAbsent(article.getId(), System.nanoTime());
            }
        };
        Map<String, Long> stored = new ConcurrentHashMap<>();
        AtomicBoolean fed = new AtomicBoolean();
        Thread poller = new Thread(() -> pollStored(storeUrl, acknowledged, stored, fed), "bench-poller");
        poller.setDaemon(true);
        long started = System.nanoTime();
        poller.start();
        int step = perSecond == 0 ? batch.size() : perSecond;
        for (int second = 0; second * step < batch.size(); second++) {
            long wait = started + second * 1_000_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            Path dir = inbox.resolve(String.valueOf(second));
            CorpusStories.write(batch.subList(second * step, Math.min(batch.size(), (second + 1) * step)), dir);
            new IngestRun(publisher, ingest.maxStoryBytes(), Clock.systemUTC(), listener).run(List.of(dir));
        }
        fed.set(true);
        poller.join(Duration.ofSeconds(timeoutSeconds).toMillis());
        if (stored.size() < acknowledged.size()) {
            throw new IllegalStateException(name + ": " + (acknowledged.size() - stored.size())
                    + " stories not stored within " + timeoutSeconds + " s; see " + workDir.resolve("logs"));
        }
        long last = Collections.max(stored.values());
        double wall = (last - started) / 1e9;
        double[] latencies = stored.entrySet().stream()
                .mapToDouble(entry -> (entry.getValue() - acknowledged.get(entry.getKey())) / 1e9).sorted().toArray();
        return String.format("| %s | %d | %.1f s | %.0f | %.2f s | %.2f s | %.2f s |", name, stored.size(), wall,
                stored.size() / wall, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies[latencies.length - 1]);
    }

    /** Records when each acknowledged story first shows up in the store, until all have once feeding is over. */
    private void pollStored(String storeUrl, Map<String, Long> acknowledged, Map<String, Long> stored,
                            AtomicBoolean fed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (Connection connection = DriverManager.getConnection(storeUrl, databaseUser, password)) {
            while (!(fed.get() && stored.size() >= acknowledged.size()) && System.nanoTime() < deadline) {
                List<String> pending = acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
                for (int from = 0; from < pending.size(); from += 500) {
                    List<String> ids = pending.subList(from, Math.min(pending.size(), from + 500));
                    try (PreparedStatement query = connection.prepareStatement("SELECT id FROM articles WHERE id IN ("
                            + String.join(",", Collections.nCopies(ids.size(), "?")) + ")")) {
                        for (int i = 0; i < ids.size(); i++) {
                            query.setString(i + 1, ids.get(i));
                        }
                        try (ResultSet rows = query.executeQuery()) {
                            long now = System.nanoTime();
                            while (rows.next()) {
                                stored.putIfAbsent(rows.getString(1), now);
                            }
                        }
                    } catch (SQLException notYet) {
                        // The sink creates the tables when the connector starts.
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store at " + storeUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Empties the PostgreSQL store, so that every story of the run is new to it. */
    private void resetPostgres() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, password);
             var statement = connection.createStatement()) {
            for (String table : List.of("article_figures", "article_entities", "articles")) {
                statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
            statement.execute("DROP TABLE IF EXISTS flyway_schema_history");
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** This process's peak resident set (VmHWM), where /proc tells it. */
    private static String peakRss() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/self/status")).split("\n"))
                    .filter(line -> line.startsWith("VmHWM:")).map(line -> line.substring(6).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
