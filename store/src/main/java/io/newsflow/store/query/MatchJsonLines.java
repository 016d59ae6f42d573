package io.newsflow.store.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Query results for a program: {@code {"id", "headline", "language", "publishedAt", "entities": [...],
 * "figures": [...]}}, one article per line and nothing else.
 */
public final class MatchJsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchJsonLines() {
    }

    public static void write(List<ArticleMatch> matches, Appendable out) throws IOException {
        for (ArticleMatch match : matches) {
            ObjectNode line = JSON.createObjectNode()
                    .put("id", match.id())
                    .put("headline", match.headline())
                    .put("language", match.language())
                    .put("publishedAt", match.publishedAt() == null ? null : match.publishedAt().toString());
            ArrayNode entities = line.putArray("entities");
            for (ArticleMatch.Entity entity : match.entities()) {
                entities.addObject().put("type", entity.type()).put("text", entity.text())
                        .put("id", entity.canonicalId());
            }
            ArrayNode figures = line.putArray("figures");
            for (ArticleMatch.Figure figure : match.figures()) {
                figures.addObject().put("kind", figure.kind()).put("value", figure.value())
                        .put("min", figure.min()).put("max", figure.max()).put("isoValue", figure.isoValue())
                        .put("unit", figure.unit()).put("currency", figure.currency()).put("text", figure.text());
            }
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
    }
}
