package io.newsflow.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchJsonLinesTest {

    private static final List<ArticleMatch> MATCHES = List.of(
            new ArticleMatch("ar1", "إحالة 771 متهماً إلى المحاكمة", "ar", Instant.parse("2017-02-12T09:30:00Z"),
                    List.of(new ArticleMatch.Entity("LOCATION", "مصر", "country:EG")),
                    List.of(new ArticleMatch.Figure("COUNT", 771.0, null, null, null, "متهماً", null, "771 متهماً"))),
            new ArticleMatch("en9", "Undated " + "very long headline ".repeat(10), "en", null, List.of(), List.of()));

    @Test
    void jsonLinesAreOneObjectPerArticle() throws Exception {
        StringBuilder out = new StringBuilder();
        MatchJsonLines.write(MATCHES, out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("ar1");
        assertThat(first.get("publishedAt").asText()).isEqualTo("2017-02-12T09:30:00Z");
        assertThat(first.at("/entities/0/id").asText()).isEqualTo("country:EG");
        assertThat(first.at("/figures/0/value").asDouble()).isEqualTo(771.0);
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("publishedAt").isNull()).isTrue();
    }
}
