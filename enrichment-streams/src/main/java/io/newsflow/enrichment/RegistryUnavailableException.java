package io.newsflow.enrichment;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not serve a record's schema for longer than the serdes wait: unreachable, failing, or
 * answering without the pipeline's subjects. The record itself is fine; the stream thread fails rather than
 * dead-letter it, and its replacement reads it again from the last commit.
 */
final class RegistryUnavailableException extends SerializationException {

    RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
