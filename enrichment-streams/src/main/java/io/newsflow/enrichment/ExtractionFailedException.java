package io.newsflow.enrichment;

/** The extraction library threw on an article; the article goes to the dead-letter topic with this as the reason. */
public final class ExtractionFailedException extends RuntimeException {

    public ExtractionFailedException(String articleId, Throwable cause) {
        super("extraction of article " + articleId + " failed: " + cause, cause);
    }
}
