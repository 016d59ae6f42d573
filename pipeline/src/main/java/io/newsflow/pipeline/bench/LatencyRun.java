package io.newsflow.pipeline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of the whole pipeline: stories fed through the ingest stage, each one's latency from the broker's
 * acknowledgement of its raw record to its row appearing in the store (polled every 100 ms).
 */
public final class LatencyRun {

    private static final Duration POLL = Duration.ofMillis(100);

    private final StoryFeeder feeder;
    private final BenchStore store;
    private final Duration timeout;

    public LatencyRun(StoryFeeder feeder, BenchStore store, Duration timeout) {
        this.feeder = feeder;
        this.store = store;
        this.timeout = timeout;
    }

    /**
     * What one run measured. Watching the store is the bench's work, not the pipeline's: {@code watchThreadSeconds}
     * is what its poller thread took in this JVM, {@code watchBackendSeconds} what its PostgreSQL server process took.
     */
    public record Result(String name, int stories, double wallSeconds, double[] sortedLatencies,
                         double watchThreadSeconds, double watchBackendSeconds) {

        public double perSecond() {
            return stories / wallSeconds;
        }

        public double latency(double percentile) {
            return sortedLatencies[Math.min(sortedLatencies.length - 1,
                    (int) Math.ceil(percentile * sortedLatencies.length) - 1)];
        }
    }

    /** Feeds {@code batch}, {@code perSecond} stories each second (0: all at once), and waits until each is stored. */
    public Result measure(String name, List<ObjectNode> batch, int perSecond, Path inbox) throws Exception {
        System.err.printf("bench: %s (%d stories)%n", name, batch.size());
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> stored = new ConcurrentHashMap<>();
        AtomicBoolean fed = new AtomicBoolean();
        double[] watchCost = new double[2];
        Thread poller = new Thread(() -> pollStored(acknowledged, stored, fed, watchCost), "bench-poller");
        poller.setDaemon(true);
        long started = System.nanoTime();
        poller.start();
        feeder.feed(batch, perSecond, inbox, acknowledged, started);
        fed.set(true);
        poller.join(timeout.toMillis());
        if (stored.size() < acknowledged.size()) {
            throw new IllegalStateException(name + ": " + (acknowledged.size() - stored.size())
                    + " stories not stored within " + timeout.toSeconds() + " s");
        }
        long last = Collections.max(stored.values());
        double[] latencies = stored.entrySet().stream()
                .mapToDouble(entry -> (entry.getValue() - acknowledged.get(entry.getKey())) / 1e9).sorted().toArray();
        return new Result(name, stored.size(), (last - started) / 1e9, latencies, watchCost[0], watchCost[1]);
    }

    /**
     * Records when each acknowledged story first shows up in the store, until all have once feeding is over, and
     * puts the core-seconds that took in {@code cost}: this thread's, then its PostgreSQL server process's.
     */
    private void pollStored(Map<String, Long> acknowledged, Map<String, Long> stored, AtomicBoolean fed,
                            double[] cost) {
        long threadCpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = store.connect()) {
            long backend = store.backendPid(connection);
            double backendCpuBefore = backend < 0 ? 0 : ProcFs.cpuSeconds(backend);
            while (!(fed.get() && stored.size() >= acknowledged.size()) && System.nanoTime() < deadline) {
                List<String> pending = acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
                for (int from = 0; from < pending.size(); from += 500) {
                    queryStored(connection, pending.subList(from, Math.min(pending.size(), from + 500)), stored);
                }
                Thread.sleep(POLL.toMillis());
            }
            cost[1] = backend < 0 ? 0 : ProcFs.cpuSeconds(backend) - backendCpuBefore;
            cost[0] = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpuBefore) / 1e9;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store at " + store.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void queryStored(Connection connection, List<String> ids, Map<String, Long> stored) {
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
}
