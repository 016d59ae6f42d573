package io.newsflow.store.query;

import java.time.Instant;
import java.util.List;

/**
 * One stored story in full. Entity and figure offsets are Java String indices (UTF-16, end exclusive) into
 * {@link #text()}, the text the enrichment stage extracted from: the headline, a blank line, the body.
 *
 * @param related the other stories that name one of this story's canonical entity ids, once per shared id
 */
public record Story(String id, String headline, String body, String language, Instant publishedAt, String source,
        String sourceUri, List<Entity> entities, List<Figure> figures, List<Related> related) {

    /** What the enrichment stage puts between headline and body before extracting. */
    public static final String HEADLINE_SEPARATOR = "\n\n";

    public String text() {
        return headline + HEADLINE_SEPARATOR + body;
    }

    public record Entity(String type, String text, String canonicalId, int start, int end) {
    }

    public record Figure(String kind, Double value, Double min, Double max, String isoValue, String unit,
            String currency, String text, int start, int end) {
    }

    public record Related(String id, String headline, String language, Instant publishedAt, String sharedId) {
    }
}
