package io.newsflow.ingest.format;

/** Input that cannot become an article; the message is the reason recorded on the rejects topic. */
public final class RejectedStoryException extends Exception {

    public RejectedStoryException(String reason) {
        super(reason, null, false, false);
    }
}
