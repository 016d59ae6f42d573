package io.newsflow.extraction;

import java.time.Duration;

/** An extraction gave up because it ran past its {@link Deadline}. */
public final class ExtractionTimeoutException extends RuntimeException {

    private final Duration budget;

    ExtractionTimeoutException(Duration budget) {
        super("extraction ran past its budget of " + budget.toMillis() + " ms");
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }
}
