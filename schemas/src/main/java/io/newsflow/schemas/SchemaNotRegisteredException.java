package io.newsflow.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A writer's schema is not a version of its topic's subject: the registry was never set up, lost its storage, or was
 * set up by an older release than the writer's. Only {@code setup} registers; the record is fine and can be written
 * once it has run.
 */
public final class SchemaNotRegisteredException extends SerializationException {

    private final String subject;

    SchemaNotRegisteredException(String subject, String message) {
        super(message);
        this.subject = subject;
    }

    /** The subject that lacks the writer's schema, e.g. {@code news.enriched-value}. */
    public String subject() {
        return subject;
    }
}
