package io.newsflow.ingest;

import io.newsflow.ingest.format.Rejection;
import io.newsflow.schemas.RawArticle;

/**
 * Follows an ingest run story by story, for a progress display. {@link #published} and {@link #failed} are called
 * on the producer's I/O thread, the others on the thread running the ingest: implementations must be thread-safe
 * and quick.
 */
public interface IngestListener {

    IngestListener NONE = new IngestListener() {
    };

    /** Called once, before the first story, with the number of files the run will read. */
    default void started(int files) {
    }

    default void published(RawArticle article) {
    }

    default void rejected(Rejection rejection) {
    }

    default void duplicate(RawArticle article) {
    }

    default void failed(RawArticle article, Exception cause) {
    }
}
