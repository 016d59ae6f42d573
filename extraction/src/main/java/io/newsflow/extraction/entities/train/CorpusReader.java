package io.newsflow.extraction.entities.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Streams the texts of one language from the shared corpus ({@code {"lang","headline","body",...}} per line). */
public final class CorpusReader {

    private static final JsonFactory JSON = new JsonFactory();

    private CorpusReader() {
    }

    /**
     * Calls {@code sink} with headline and body of each article in {@code language}, at most {@code limit}. A
     * {@code .txt.gz} file is read as one document per line, all in {@code language} (the unlabeled news of
     * {@code ../shared/data/unlabeled/LANG.txt.gz}).
     */
    public static int forEach(Path jsonl, String language, int limit, Consumer<String> sink) throws IOException {
        if (jsonl.getFileName().toString().endsWith(".txt.gz")) {
            return forEachLine(jsonl, limit, sink);
        }
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

    private static int forEachLine(Path gz, int limit, Consumer<String> sink) throws IOException {
        int seen = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while (seen < limit && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    sink.accept(line);
                    seen++;
                }
            }
        }
        return seen;
    }
}
