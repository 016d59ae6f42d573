package io.newsflow.store.query;

import java.io.IOException;
import java.util.List;

/** Prints query results for a person ({@link #table()}) or a program ({@link #jsonLines()}). */
public interface MatchRenderer {

    void render(List<ArticleMatch> matches, Appendable out) throws IOException;

    /** Aligned columns: date, language, headline, matched entities, matched figures; then a count. */
    static MatchRenderer table() {
        return new TableRenderer();
    }

    /** One JSON object per article per line, and nothing else. */
    static MatchRenderer jsonLines() {
        return new JsonLinesRenderer();
    }
}
