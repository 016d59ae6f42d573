package io.newsflow.store;

/** The store could not apply a batch at all; nothing of the batch was written. */
public final class StoreException extends RuntimeException {

    private final boolean retriable;

    StoreException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether the same batch may succeed later: the database was unreachable, busy or asked for a retry. */
    public boolean isRetriable() {
        return retriable;
    }
}
