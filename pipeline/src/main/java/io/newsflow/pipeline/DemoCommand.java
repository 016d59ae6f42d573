package io.newsflow.pipeline;

import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.pipeline.local.LocalConnectWorker;
import io.newsflow.pipeline.local.LocalKafkaBroker;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.store.Database;
import io.newsflow.web.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The whole pipeline on one machine, on real servers: a KRaft broker and a Connect worker in child JVMs, the
 * Apicurio registry in a Java 21+ child process, the enrichment Streams app in this JVM. Stories from a directory
 * go in; the command waits until every one is stored in a SQLite file, prints what was found, and shuts down.
 * The broker's data is fresh each run while the SQLite file and the registry's schemas stay, so a second run shows
 * that storage is idempotent: the same stories add no rows.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on this machine over a directory of stories (default: samples/).")
final class DemoCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Stories to ingest (default: ${DEFAULT-VALUE}).",
            defaultValue = "samples")
    Path stories;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Where the SQLite store, logs and the servers' data go (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long to wait for every story to be stored (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--serve", description = "After storing the stories, keep the stack up and serve the web view "
            + "until SIGTERM; prints where the web view, the broker and the registry's Confluent API are.")
    boolean serve;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8088",
            description = "The web view's port with --serve; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(stories)) {
            System.err.println("demo: no such directory: " + stories);
            return 2;
        }
        Path database = workDir.resolve("newsflow.db").toAbsolutePath();
        Path logs = workDir.resolve("logs").toAbsolutePath();
        Path run = workDir.resolve("run").toAbsolutePath();
        Path registryData = workDir.resolve("registry").toAbsolutePath();
        FileTrees.deleteRecursively(run);
        Files.createDirectories(run);

        long started = System.nanoTime();
        step("starting Kafka broker (KRaft, single node)");
        try (UntilTerminated running = serve ? new UntilTerminated("demo") : null;
             LocalKafkaBroker broker = LocalKafkaBroker.start(run.resolve("kafka"), logs)) {
            done(broker.bootstrapServers());
            step("starting Apicurio registry (child process on Java 21+)");
            try (RegistryServer registry = RegistryServer.start(logs, registryData)) {
                done(registry.baseUrl());
                Map<String, Object> settings = new LinkedHashMap<>();
                settings.put("bootstrap.servers", broker.bootstrapServers());
                settings.put(RegistrySerdes.REGISTRY_URL, registry.apiUrl());
                step("creating topics and registering schemas");
                SetupCommand.prepare(settings);
                done(Topics.RAW + " -> " + Topics.ENRICHED);

                step("starting enrichment (Kafka Streams, exactly_once_v2)");
                try (var enrichment = LocalStages.startEnrichment(settings, run.resolve("streams"))) {
                    done("running");
                    step("starting Kafka Connect worker with the sink connector");
                    Map<String, String> sink = LocalStages.sinkConnectorConfig(database,
                            broker.bootstrapServers(), registry.apiUrl());
                    try (LocalConnectWorker connect = LocalConnectWorker.start(broker.bootstrapServers(),
                            run.resolve("connect"), logs, sink)) {
                        done("sink -> " + database);
                        int stored = ingestAndReport(settings, database, started);
                        if (stored != 0 || !serve) {
                            return stored;
                        }
                        try (WebServer web = ServeCommand.serve(Database.of(database.toString()), settings,
                                "127.0.0.1", port)) {
                            out.println("kafka " + broker.bootstrapServers());
                            out.println("registry " + registry.ccompatUrl());
                            out.flush();
                            running.await();
                        }
                        return 0;
                    }
                }
            }
        }
    }

    private int ingestAndReport(Map<String, Object> settings, Path database, long started) throws Exception {
        step("ingesting " + stories);
        Set<String> published = ConcurrentHashMap.newKeySet();
        IngestSummary summary = IngestRun.ingest(settings, List.of(stories), new IngestListener() {
            @Override
            public void published(RawArticle article) {
                published.add(article.getId());
            }

            @Override
            public void rejected(Rejection rejection) {
                out.println("  rejected " + rejection.source() + ": " + rejection.reason());
            }
        });
        done(summary.toString());

        step("waiting until every story is stored");
        StoredArticles store = new StoredArticles(database);
        boolean complete = store.awaitAll(published, Duration.ofSeconds(timeoutSeconds));
        done(complete ? "all " + published.size() + " stored" : "timed out");
        out.println();
        StoredArticles.Totals totals = store.report(published, out);
        out.printf("%nstored %d articles (%d entities, %d figures) in %s%n",
                totals.articles(), totals.entities(), totals.figures(), database);
        if (!complete) {
            System.err.printf("demo: %d of %d stories were not stored within %d s; see %s%n",
                    published.size() - totals.articles(), published.size(), timeoutSeconds, workDir.resolve("logs"));
            return 1;
        }
        System.err.printf("demo: finished in %.1f s; %s%n", (System.nanoTime() - started) / 1e9,
                serve ? "serving until SIGTERM" : "shutting down");
        return 0;
    }

    private long stepStarted;

    private void step(String what) {
        stepStarted = System.nanoTime();
        System.err.print("demo: " + what + " ... ");
        System.err.flush();
    }

    private void done(String result) {
        System.err.printf("%s (%.1f s)%n", result, (System.nanoTime() - stepStarted) / 1e9);
    }

    static final class FileTrees {
        static void deleteRecursively(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        private FileTrees() {
        }
    }
}
