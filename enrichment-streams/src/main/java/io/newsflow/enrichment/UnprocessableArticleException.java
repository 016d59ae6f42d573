package io.newsflow.enrichment;

/**
 * A record that can never be enriched, however often it is retried: unreadable, empty, oversized, or past its
 * extraction budget. It belongs in the dead-letter topic; the message is the reason, carried there in the
 * {@code newsflow.error.reason} and {@code __streams.errors.message} headers.
 */
public final class UnprocessableArticleException extends RuntimeException {

    public UnprocessableArticleException(String reason) {
        super(reason);
    }

    public UnprocessableArticleException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
