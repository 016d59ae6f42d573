package io.newsflow.ops;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A uniform sample of the latencies recorded between two {@link io.newsflow.schemas.OpsEvent} reports, for their p50 and p99.
 * Thread-safe; recording costs a lock and no allocation.
 */
public final class LatencySample {

    private final long[] nanos;
    private int count;

    /** @param capacity samples kept per interval; enough for a stable p99 at the stage's rate */
    public LatencySample(int capacity) {
        this.nanos = new long[capacity];
    }

    public void record(long latencyNanos) {
        synchronized (nanos) {
            // Past the buffer's size, overwrite at random so the sample stays uniform over the interval.
            int slot = count < nanos.length ? count : (int) ThreadLocalRandom.current().nextLong(count + 1L);
            if (slot < nanos.length) {
                nanos[slot] = latencyNanos;
            }
            count++;
        }
    }

    /** p50 and p99 in milliseconds of the latencies since the last call, or null when there were none. */
    public double[] drainPercentilesMs() {
        long[] samples;
        synchronized (nanos) {
            samples = Arrays.copyOf(nanos, Math.min(count, nanos.length));
            count = 0;
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
