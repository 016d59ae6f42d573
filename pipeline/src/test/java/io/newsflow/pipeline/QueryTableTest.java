package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.store.query.ArticleMatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code news-pipeline query}'s table; {@code status}'s is checked in {@link StatusCommandTest}. */
class QueryTableTest {

    private static final List<ArticleMatch> MATCHES = List.of(
            new ArticleMatch("ar1", "إحالة 771 متهماً إلى المحاكمة", "ar", Instant.parse("2017-02-12T09:30:00Z"),
                    List.of(new ArticleMatch.Entity("LOCATION", "مصر", "country:EG")),
                    List.of(new ArticleMatch.Figure("COUNT", 771.0, null, null, null, "متهماً", null, "771 متهماً"))),
            new ArticleMatch("en9", "Undated " + "very long headline ".repeat(10), "en", null, List.of(), List.of()),
            new ArticleMatch("en8", "An emoji 😀 before\tthe next column", "en", null,
                    List.of(new ArticleMatch.Entity("PERSON", "Ada Lovelace", null)), List.of()));

    @Test
    void theTableShowsDateHeadlineEntitiesAndFiguresThenACount() {
        List<String> lines = QueryCommand.table(MATCHES).lines().toList();
        assertThat(lines.get(0)).startsWith("DATE").contains("HEADLINE", "ENTITIES", "FIGURES");
        assertThat(lines.get(1)).startsWith("2017-02-12  ar").contains("إحالة 771 متهماً إلى المحاكمة",
                "مصر (country:EG)", "771 متهماً");
        assertThat(lines.get(2)).startsWith("-").contains("…");
        assertThat(lines.get(3)).startsWith("-").contains("😀 before the next column");
        assertThat(lines.get(4)).isEqualTo("3 articles");
        // A column starts at the same code point on every line, Arabic and emoji rows included.
        assertThat(column(lines.get(1), "مصر")).isEqualTo(column(lines.get(0), "ENTITIES"));
        assertThat(column(lines.get(3), "Ada Lovelace")).isEqualTo(column(lines.get(0), "ENTITIES"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    private static int column(String line, String cell) {
        return line.codePointCount(0, line.indexOf(cell));
    }
}
