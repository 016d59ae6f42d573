package io.newsflow.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Stories of the benchmark corpus (JSON lines with id, lang, headline and body) as the NINJS documents a newsroom
 * system would drop into the ingest stage's inbox, for the bench command and the fault suite.
 */
public final class CorpusStories {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusStories() {
    }

    /**
     * Up to {@code count} stories, Arabic and English mixed the same way every time (the corpus lists the Arabic ones
     * first); stories with an empty headline or body, which the corpus has, are left out. Each one's NINJS
     * {@code uri} is {@code uriPrefix} and its corpus id.
     */
    public static List<ObjectNode> read(Path corpus, int count, String uriPrefix) throws IOException {
        List<ObjectNode> stories = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode story = JSON.readTree(line);
                if (story.path("headline").asText().isBlank() || story.path("body").asText().isBlank()) {
                    continue;
                }
                ObjectNode ninjs = JSON.createObjectNode();
                ninjs.put("uri", uriPrefix + story.get("id").asText());
                ninjs.put("version", "1");
                ninjs.put("type", "text");
                ninjs.put("language", story.path("lang").asText());
                ninjs.put("headline", story.get("headline").asText());
                ninjs.put("body_text", story.get("body").asText());
                stories.add(ninjs);
            }
        }
        Collections.shuffle(stories, new Random(20150721L));
        return stories.subList(0, Math.min(count, stories.size()));
    }

    /** Writes the stories into {@code dir} as one NINJS file each. */
    public static void write(List<ObjectNode> stories, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < stories.size(); i++) {
            Files.writeString(dir.resolve(i + ".json"), JSON.writeValueAsString(stories.get(i)));
        }
    }
}
