package io.newsflow.sink;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What one task has done, as its ops reports and its Kafka metrics tell it. Written by the task's thread, read by
 * the reporter's and the metrics reporters'. Counts are since the task started; the write latencies are those since
 * the last {@link #drainLatencies()}.
 */
final class SinkMetrics {

    /** Names of the task's metrics, in the worker's {@code kafka.connect:type=plugins} group. */
    static final String PREFIX = "newsflow-sink-";

    static final String RUNNING = "RUNNING";
    /** Riding out an outage: the last attempt to write failed transiently and another one is scheduled. */
    static final String DEGRADED = "DEGRADED";
    static final String FAILED = "FAILED";
    static final String STOPPED = "STOPPED";

    private static final int LATENCY_SAMPLES = 1024;

    private final AtomicLong recordsIn = new AtomicLong();
    private final AtomicLong recordsOut = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    /** Since the task started, unlike the drained samples below: what the task's metrics read. */
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong batchWriteNanos = new AtomicLong();
    private volatile String state = RUNNING;
    private volatile String lastError;

    /** One sample per batch: its write time and its size, as every record in it waited that long. */
    private final long[] batchNanos = new long[LATENCY_SAMPLES];
    private final int[] batchRecords = new int[LATENCY_SAMPLES];
    private int batchCount;

    /**
     * Registers the task's metrics with the worker, which tags them with the connector and task, publishes them
     * beside its own metrics for the task (JMX {@code kafka.connect:type=plugins,connector=...,task=...}) and removes
     * them when the task stops. A task that failed is stopped too: the worker's own {@code connector-failed-task-count}
     * and its REST status tell of it from then on.
     */
    void register(PluginMetrics plugin) {
        counter(plugin, "records-in-total", "Distinct records put() received", recordsIn::get);
        counter(plugin, "records-written-total", "Records durably handled: stored, deleted by a tombstone, or not "
                + "newer than the stored version", recordsOut::get);
        counter(plugin, "records-dead-lettered-total", "Records handed to the errant record reporter",
                deadLettered::get);
        counter(plugin, "retries-total", "Attempts to write that failed transiently and were retried after a "
                + "backoff; redeliveries before the next attempt is due are not attempts", retries::get);
        counter(plugin, "batches-written-total", "Batches written", batchesWritten::get);
        plugin.addMetric(plugin.metricName(PREFIX + "batch-write-seconds-total", "Time the written batches took "
                        + "from the start of decoding to the commit", new LinkedHashMap<>()),
                (Measurable) (config, now) -> batchWriteNanos.get() / 1e9);
        // Neither STOPPED nor FAILED: the worker removes the metrics of a task that stopped, failed or not.
        for (String state : List.of(RUNNING, DEGRADED)) {
            plugin.addMetric(plugin.metricName(PREFIX + "task-state", "1 for the state the task is in, 0 for the "
                            + "other", new LinkedHashMap<>(Map.of("state", state))),
                    (Measurable) (config, now) -> state.equals(this.state) ? 1 : 0);
        }
    }

    private static void counter(PluginMetrics plugin, String name, String description, LongSupplier value) {
        plugin.addMetric(plugin.metricName(PREFIX + name, description + ", since the task started",
                new LinkedHashMap<>()), (Measurable) (config, now) -> value.getAsLong());
    }

    void received(long records) {
        recordsIn.addAndGet(records);
    }

    void written(int records, long nanos) {
        recordsOut.addAndGet(records);
        if (records == 0) {
            return;
        }
        batchWriteNanos.addAndGet(nanos);
        batchesWritten.incrementAndGet();
        synchronized (batchNanos) {
            // Past the buffer's size, overwrite at random so the sample stays uniform over the interval's batches.
            int slot = batchCount < LATENCY_SAMPLES ? batchCount
                    : (int) ThreadLocalRandom.current().nextLong(batchCount + 1L);
            if (slot < LATENCY_SAMPLES) {
                batchNanos[slot] = nanos;
                batchRecords[slot] = records;
            }
            batchCount++;
        }
    }

    void deadLettered(String reason) {
        deadLettered.incrementAndGet();
        lastError = reason;
    }

    /** An attempt to write failed transiently and another one is scheduled. */
    void retrying(String reason) {
        retries.incrementAndGet();
        state = DEGRADED;
        lastError = reason;
    }

    void failed(String reason) {
        state = FAILED;
        lastError = reason;
    }

    void recovered() {
        state = RUNNING;
    }

    void stopped() {
        // A failed task is stopped too; its last report must still say why it stopped.
        if (!FAILED.equals(state)) {
            state = STOPPED;
        }
    }

    long recordsIn() {
        return recordsIn.get();
    }

    long recordsOut() {
        return recordsOut.get();
    }

    long deadLettered() {
        return deadLettered.get();
    }

    /** Attempts to write that failed transiently, since the task started. */
    long retries() {
        return retries.get();
    }

    long batchesWritten() {
        return batchesWritten.get();
    }

    long batchWriteNanos() {
        return batchWriteNanos.get();
    }

    String state() {
        return state;
    }

    String lastError() {
        return lastError;
    }

    /**
     * p50 and p99 in milliseconds, over the records written since the last call, of the time their batch took to
     * decode and commit; null when nothing was written.
     */
    double[] drainLatencies() {
        long[][] samples;
        synchronized (batchNanos) {
            int n = Math.min(batchCount, LATENCY_SAMPLES);
            samples = new long[n][];
            for (int i = 0; i < n; i++) {
                samples[i] = new long[] {batchNanos[i], batchRecords[i]};
            }
            batchCount = 0;
        }
        if (samples.length == 0) {
            return null;
        }
        Arrays.sort(samples, (a, b) -> Long.compare(a[0], b[0]));
        long records = 0;
        for (long[] sample : samples) {
            records += sample[1];
        }
        return new double[] {percentile(samples, records, 0.50), percentile(samples, records, 0.99)};
    }

    private static double percentile(long[][] sorted, long records, double quantile) {
        long rank = (long) Math.ceil(quantile * records);
        long seen = 0;
        int i = 0;
        while (i < sorted.length - 1 && (seen += sorted[i][1]) < rank) {
            i++;
        }
        return sorted[i][0] / 1_000_000.0;
    }
}
