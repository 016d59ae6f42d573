package io.newsflow.enrichment;

import io.newsflow.schemas.LatencySample;
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
    private final LatencySample latency = new LatencySample(LATENCY_SAMPLES);
    private volatile String lastError;

    public EnrichmentMetrics() {
    }

    void recordIn() {
        in.increment();
    }

    void recordOut(long processingNanos) {
        out.increment();
        latency.record(processingNanos);
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
        return latency.drainPercentilesMs();
    }
}
