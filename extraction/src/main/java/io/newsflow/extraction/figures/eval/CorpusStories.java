package io.newsflow.extraction.figures.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stories of the shared corpus ({@code {"id","lang","headline","body","published"}} per line) picked by id, as the
 * offset gold sees them: the headline, a blank line, then the body, like the files of the shared articles folder.
 */
final class CorpusStories {

    private static final JsonFactory JSON = new JsonFactory();

    private CorpusStories() {
    }

    static Map<String, ArticleGoldEvaluation.Story> read(Path jsonl, Set<String> ids) throws IOException {
        Map<String, ArticleGoldEvaluation.Story> stories = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while (stories.size() < ids.size() && (line = reader.readLine()) != null) {
                Map<String, String> fields = fields(line);
                String id = fields.get("id");
                if (ids.contains(id)) {
                    String published = fields.getOrDefault("published", "");
                    stories.put(id, new ArticleGoldEvaluation.Story(
                            fields.getOrDefault("headline", "") + "\n\n" + fields.getOrDefault("body", ""),
                            fields.get("lang"),
                            published.length() >= 10 ? LocalDate.parse(published.substring(0, 10)) : null));
                }
            }
        }
        return stories;
    }

    /** The top-level string fields of one JSON line. */
    private static Map<String, String> fields(String line) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return fields;
    }
}
