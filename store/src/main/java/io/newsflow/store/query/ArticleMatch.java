package io.newsflow.store.query;

import java.time.Instant;
import java.util.List;

/**
 * An article that passed the filter, with the entities and figures that made it pass (all of them for a kind of
 * child that was not filtered on).
 */
public record ArticleMatch(String id, String headline, String language, Instant publishedAt,
        List<Entity> entities, List<Figure> figures) {

    public record Entity(String type, String text, String canonicalId) {
    }

    public record Figure(String kind, Double value, Double min, Double max, String isoValue, String unit,
            String currency, String text) {
    }
}
