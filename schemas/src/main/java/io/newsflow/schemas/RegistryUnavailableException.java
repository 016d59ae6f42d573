package io.newsflow.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not serve a record's schema: unreachable, failing, or answering without the pipeline's
 * subjects. The record itself is fine, so a reader waits or fails rather than dead-letter it.
 */
public final class RegistryUnavailableException extends SerializationException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
