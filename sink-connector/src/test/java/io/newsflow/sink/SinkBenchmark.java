package io.newsflow.sink;

import io.newsflow.store.Articles;
import io.newsflow.store.TestDatabase;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sink throughput into the machine's PostgreSQL and into SQLite: Avro records (10 entities and 10 figures each, a
 * 2 KB body) decoded through the registry and written by {@link NewsSinkTask#put}, delivered 500 at a time as a
 * worker's consumer polls them, by as many tasks in parallel as a connector with that {@code tasks.max} runs. Run:
 * {@code ./mvnw -B -q -pl sink-connector test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.newsflow.sink.SinkBenchmark -Dexec.args="ARTICLES BATCH_SIZE TASKS [postgresql|sqlite]"}.
 */
public final class SinkBenchmark {

    private static final int POLL_SIZE = 500;
    private static final int CHILDREN = 10;
    private static final int WARMUP = 2_000;
    /** USER_HZ: the unit of /proc/PID/stat's CPU times on Linux. */
    private static final int CLOCK_TICKS = 100;

    private SinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> databases = args.length > 3 ? List.of(args[3].split(",")) : List.of("postgresql", "sqlite");
        String registryUrl = TestRegistry.shared().apiUrl();
        Articles.registerSchemas(registryUrl, Topics.ENRICHED, null);
        // One partition per task, as the worker assigns them; offsets continue after the warm-up's because a task
        // skips offsets it has already written.
        List<List<SinkRecord>> warmups = new ArrayList<>();
        List<List<SinkRecord>> measured = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            warmups.add(records(registryUrl, t, "warm", 0, WARMUP));
            measured.add(records(registryUrl, t, "bench", WARMUP, articles / tasks));
        }
        ExecutorService threads = Executors.newFixedThreadPool(tasks);
        for (String name : databases) {
            try (TestDatabase db = name.equals("postgresql") ? TestDatabase.postgres() : TestDatabase.sqlite()) {
                Map<String, String> props = new HashMap<>(ConnectorProps.of(db));
                props.put(NewsSinkConfig.REGISTRY_URL, registryUrl);
                props.put(NewsSinkConfig.BATCH_SIZE, String.valueOf(batchSize));
                new NewsSinkConnector().start(props);
                List<NewsSinkTask> started = new ArrayList<>();
                for (int t = 0; t < tasks; t++) {
                    NewsSinkTask task = new NewsSinkTask();
                    task.initialize(new RecordingContext());
                    task.start(props);
                    started.add(task);
                }
                run(threads, started, warmups);
                List<Long> backends = name.equals("postgresql") ? backendPids(db) : List.of();
                long serverCpuBefore = cpuTicks(backends);
                long jvmCpuBefore = jvmCpuNanos();
                long start = System.nanoTime();
                run(threads, started, measured);
                double seconds = (System.nanoTime() - start) / 1e9;
                double jvmCpuSeconds = (jvmCpuNanos() - jvmCpuBefore) / 1e9;
                double serverCpuSeconds = (cpuTicks(backends) - serverCpuBefore) / (double) CLOCK_TICKS;
                started.forEach(NewsSinkTask::stop);
                long stored = db.count("SELECT count(*) FROM articles WHERE id LIKE 'bench-%'");
                long children = db.count("SELECT count(*) FROM article_entities WHERE article_id LIKE 'bench-%'")
                        + db.count("SELECT count(*) FROM article_figures WHERE article_id LIKE 'bench-%'");
                System.out.printf("%-10s %,d articles (%,d entity and figure rows) in %.2f s: %,.0f articles/s,"
                        + " batch.size=%d, %d task(s); CPU per article: %.3f ms in this JVM%s%n", name, stored,
                        children, seconds, stored / seconds, batchSize, tasks, jvmCpuSeconds * 1e3 / stored,
                        backends.isEmpty() ? "" : String.format(", %.3f ms in PostgreSQL's backends",
                                serverCpuSeconds * 1e3 / stored));
            }
        }
        threads.shutdown();
        System.exit(0);
    }

    /** The sink's connections, as seen by the server: the benchmark reads their CPU time on a local server. */
    private static List<Long> backendPids(TestDatabase db) {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity"
                     + " WHERE application_name = 'newsflow-sink' AND datname = current_database()"
                     + " AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pids;
    }

    /** User and system CPU of the processes in clock ticks, 0 for those that are not readable (a remote server). */
    private static long cpuTicks(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                // Fields after the command name, which is parenthesized and may contain spaces: utime is the 12th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
        return ticks;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void run(ExecutorService threads, List<NewsSinkTask> tasks, List<List<SinkRecord>> records)
            throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            NewsSinkTask task = tasks.get(t);
            List<SinkRecord> mine = records.get(t);
            running.add(threads.submit(() -> {
                for (int i = 0; i < mine.size(); i += POLL_SIZE) {
                    task.put(mine.subList(i, Math.min(mine.size(), i + POLL_SIZE)));
                }
            }));
        }
        for (Future<?> done : running) {
            done.get();
        }
    }

    private static List<SinkRecord> records(String registryUrl, int partition, String prefix, long firstOffset,
            int n) {
        try (Serializer<EnrichedArticle> serializer = RegistrySerdes.valueSerializer(registryUrl)) {
            List<SinkRecord> records = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                EnrichedArticle article = Articles.sized(prefix + "-" + partition + "-" + i, CHILDREN);
                records.add(new SinkRecord(Topics.ENRICHED, partition, null, article.getArticle().getId(), null,
                        serializer.serialize(Topics.ENRICHED, article), firstOffset + i));
            }
            return records;
        }
    }
}
