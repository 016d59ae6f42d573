package io.newsflow.extraction;

import java.time.Duration;

/**
 * When an extraction must give up. The extraction checks it between its stages and before each sentence the
 * entity tagger decodes, on the calling thread: an article over budget is abandoned without a second thread to hand
 * work to, and without a thread left running after it.
 */
public final class Deadline {

    /** No limit. */
    public static final Deadline NONE = new Deadline(Duration.ZERO, 0);

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget, long endNanos) {
        this.budget = budget;
        this.endNanos = endNanos;
    }

    /** From now, {@code budget} ahead; a zero or negative budget means no limit. */
    public static Deadline after(Duration budget) {
        return budget.isNegative() || budget.isZero() ? NONE : new Deadline(budget, System.nanoTime() + budget.toNanos());
    }

    /** @throws ExtractionTimeoutException when the deadline has passed */
    public void check() {
        if (this != NONE && System.nanoTime() - endNanos > 0) {
            throw new ExtractionTimeoutException(budget);
        }
    }
}
