package io.newsflow.enrichment;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts the ops reports carry, shared by the stream threads, the exception handlers and the reporter of one
 * app instance. Counts are since the instance started; latencies are those of the records since the last
 * {@link #drainLatencies()}.
 */
public final class EnrichmentMetrics {

    /** Enough samples for a stable p99 over a few seconds at tens of thousands of records a second. */
    private static final int LATENCY_SAMPLES = 16_384;

    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder staleVersions = new LongAdder();
    private final LongAdder registryUnavailable = new LongAdder();
    private final long[] latencyNanos = new long[LATENCY_SAMPLES];
    private int latencyCount;
    private volatile String lastError;

    public EnrichmentMetrics() {
    }

    void recordIn() {
        in.increment();
    }

    void recordOut(long processingNanos) {
        out.increment();
        synchronized (latencyNanos) {
            // Past the buffer's size, overwrite at random so the sample stays uniform over the interval.
            int slot = latencyCount < LATENCY_SAMPLES ? latencyCount
                    : (int) (java.util.concurrent.ThreadLocalRandom.current().nextLong(latencyCount + 1L));
            if (slot < LATENCY_SAMPLES) {
                latencyNanos[slot] = processingNanos;
            }
            latencyCount++;
        }
    }

    void deadLettered(Exception cause) {
        deadLettered.increment();
        lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    void duplicateDropped() {
        duplicates.increment();
    }

    void staleVersionDropped() {
        staleVersions.increment();
    }

    void registryUnavailable(Exception cause) {
        registryUnavailable.increment();
        lastError = "registry unavailable: " + cause.getMessage();
    }

    long recordsIn() {
        return in.sum();
    }

    long recordsOut() {
        return out.sum();
    }

    long deadLettered() {
        return deadLettered.sum();
    }

    /** Exact re-deliveries and late older versions, both dropped before extraction. */
    long duplicatesDropped() {
        return duplicates.sum() + staleVersions.sum();
    }

    long staleVersionsDropped() {
        return staleVersions.sum();
    }

    long registryUnavailableCount() {
        return registryUnavailable.sum();
    }

    String lastError() {
        return lastError;
    }

    /** p50 and p99 in milliseconds of the sampled latencies since the last call, or null when there were none. */
    double[] drainLatencies() {
        long[] samples;
        synchronized (latencyNanos) {
            samples = Arrays.copyOf(latencyNanos, Math.min(latencyCount, LATENCY_SAMPLES));
            latencyCount = 0;
        }
        if (samples.length == 0) {
            return null;
        }
        Arrays.sort(samples);
        return new double[] {percentile(samples, 0.50), percentile(samples, 0.99)};
    }

    private static double percentile(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
