package io.newsflow.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.Extraction;
import io.newsflow.extraction.Extractor;
import io.newsflow.extraction.FigureMention;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.Figure;
import io.newsflow.schemas.FigureKind;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:15:30Z");

    @Test
    void mapsEveryFieldOfTheExtractionToTheAvroRecord() {
        RawArticle article = article("Rates held at 4.5%", "The bank kept rates between 4 and 5 percent.");
        Extraction extraction = new Extraction("en",
                List.of(new EntityMention(io.newsflow.extraction.EntityType.ORGANIZATION, "bank", 24, 28, "org:central-bank", 0.9)),
                List.of(new FigureMention(io.newsflow.extraction.FigureKind.PERCENT, 4.5, null, null, null, "percent", null, "4.5%", 14, 18),
                        new FigureMention(io.newsflow.extraction.FigureKind.RANGE, null, 4.0, 5.0, null, "percent", null,
                                "between 4 and 5 percent", 40, 63)));

        EnrichedArticle enriched = ArticleEnricher.toEnriched(article, extraction, NOW);

        assertThat(enriched.getArticle()).isEqualTo(article);
        assertThat(enriched.getLanguage()).isEqualTo("en");
        assertThat(enriched.getEnrichedAt()).isEqualTo(NOW);
        assertThat(enriched.getEnricherVersion()).isEqualTo(Extractor.VERSION);
        assertThat(enriched.getEntities()).containsExactly(
                new Entity(EntityType.ORGANIZATION, "bank", "org:central-bank", 24, 28, 0.9));
        assertThat(enriched.getFigures()).containsExactly(
                new Figure(FigureKind.PERCENT, 4.5, null, null, null, "percent", null, "4.5%", 14, 18),
                new Figure(FigureKind.RANGE, null, 4.0, 5.0, null, "percent", null, "between 4 and 5 percent", 40, 63));
    }

    @Test
    void offsetsIndexHeadlineAndBodyJoinedByABlankLine() {
        RawArticle article = article("Headline", "Body");

        assertThat(ArticleEnricher.text(article)).isEqualTo("Headline\n\nBody");
    }

    @Test
    void articleWithoutBodyIsUnprocessable() {
        ArticleEnricher enricher = new ArticleEnricher(Extractor.load(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> enricher.enrich(article("Headline only", "  \n ")))
                .isInstanceOf(UnprocessableArticleException.class)
                .hasMessageStartingWith("empty body");
    }

    static RawArticle article(String headline, String body) {
        return RawArticle.newBuilder()
                .setId("test:" + Math.abs((headline + body).hashCode()))
                .setSource("unit-test")
                .setHeadline(headline)
                .setBody(body)
                .setReceivedAt(NOW)
                .setFormat(InputFormat.PLAIN_TEXT)
                .setContentHash("0".repeat(64))
                .setMetadata(Map.of())
                .build();
    }
}
