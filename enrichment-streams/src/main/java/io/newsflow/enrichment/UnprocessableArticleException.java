package io.newsflow.enrichment;

/**
 * An article that can never be enriched, however often it is retried: it belongs in the dead-letter topic. The
 * message is the reason, carried there in the {@code __streams.errors.message} header.
 */
public final class UnprocessableArticleException extends RuntimeException {

    public UnprocessableArticleException(String reason) {
        super(reason);
    }
}
