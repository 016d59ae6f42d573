package io.newsflow.store;

import io.newsflow.schemas.EnrichedArticle;
import java.util.Objects;

/**
 * One thing to do to the store: put an article, or delete one (a kill notice: a tombstone on the topic).
 *
 * @param article the enriched article to put, or null for a delete
 */
public record Change(String id, EnrichedArticle article) {

    public Change {
        Objects.requireNonNull(id, "id");
    }

    public static Change put(EnrichedArticle article) {
        return new Change(article.getArticle().getId(), article);
    }

    public static Change delete(String id) {
        return new Change(id, null);
    }

    public boolean isDelete() {
        return article == null;
    }

    /** The article's version; an unversioned source counts as version 0, so any versioned revision replaces it. */
    public long version() {
        Long version = article.getArticle().getVersion();
        return version == null ? 0L : version;
    }
}
