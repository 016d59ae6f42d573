package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void printsEachArticleWithEveryFieldAndEachRejectAsOneJsonLine(@TempDir Path drop) throws IOException {
        Files.writeString(drop.resolve("a-bridge.txt"), "Bridge repainting starts\n\nWork on the 1890 bridge takes 8 weeks.\n");
        Files.writeString(drop.resolve("b-empty.txt"), "\n\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rejected = new DryRun(1024, NOON)
                .run(List.of(drop), new PrintStream(out, true, StandardCharsets.UTF_8));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(rejected).isEqualTo(1);
        assertThat(lines).hasSize(2);
        JsonNode article = lines.get(0);
        assertThat(article.fieldNames()).toIterable().containsExactlyElementsOf(
                RawArticle.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
        assertThat(article.get("headline").asText()).isEqualTo("Bridge repainting starts");
        assertThat(article.get("receivedAt").asText()).isEqualTo("2026-03-03T12:00:00Z");
        assertThat(article.get("format").asText()).isEqualTo("PLAIN_TEXT");
        assertThat(article.get("guid").isNull()).isTrue();
        assertThat(article.get("metadata").isObject()).isTrue();
        assertThat(lines.get(1).toString()).isEqualTo("{\"rejected\":\"" + drop.resolve("b-empty.txt")
                + "\",\"reason\":\"empty file: no headline and no body\"}");
    }
}
