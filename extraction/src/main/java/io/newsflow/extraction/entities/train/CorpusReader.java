package io.newsflow.extraction.entities.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Streams the texts of one language from the shared corpus ({@code {"lang","headline","body",...}} per line). */
public final class CorpusReader {

    private static final JsonFactory JSON = new JsonFactory();

    private CorpusReader() {
    }

    /** Calls {@code sink} with headline and body of each article in {@code language}, at most {@code limit}. */
    public static int forEach(Path jsonl, String language, int limit, Consumer<String> sink) throws IOException {
        int seen = 0;
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while (seen < limit && (line = reader.readLine()) != null) {
                String lang = null;
                String headline = "";
                String body = "";
                try (JsonParser parser = JSON.createParser(line)) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        switch (field) {
                            case "lang" -> lang = parser.getValueAsString();
                            case "headline" -> headline = parser.getValueAsString("");
                            case "body" -> body = parser.getValueAsString("");
                            default -> parser.skipChildren();
                        }
                    }
                }
                if (language.equals(lang)) {
                    sink.accept(headline + "\n\n" + body);
                    seen++;
                }
            }
        }
        return seen;
    }
}
