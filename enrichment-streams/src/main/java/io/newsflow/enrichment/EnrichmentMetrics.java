package io.newsflow.enrichment;

import io.newsflow.ops.LatencySample;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger waitingForRegistry = new AtomicInteger();
    /** A thread gave up waiting for the registry (and failed); cleared by the next record the registry serves. */
    private volatile boolean registryGaveUp;
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

    void deadLettered(String reason) {
        deadLettered.increment();
        lastError = reason;
    }

    void duplicateDropped() {
        duplicates.increment();
    }

    void staleVersionDropped() {
        staleVersions.increment();
    }

    /** One failed attempt to reach a schema: {@code outage} says what is wrong with the registry. */
    void registryUnavailable(String outage) {
        registryUnavailable.increment();
        lastError = "schema registry " + outage;
    }

    void registryWaitBegan() {
        waitingForRegistry.incrementAndGet();
    }

    /** @param served whether the registry answered in the end, rather than the thread giving up */
    void registryWaitEnded(boolean served) {
        registryGaveUp = !served;
        waitingForRegistry.decrementAndGet();
    }

    /** A record's schema came through without waiting. */
    void registryServed() {
        if (registryGaveUp) {
            registryGaveUp = false;
        }
    }

    /** Whether a stream thread waits for the registry, or gave up on it and nothing has come through since. */
    boolean registryDegraded() {
        return waitingForRegistry.get() > 0 || registryGaveUp;
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
