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
import java.time.Duration;
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
        ArticleEnricher enricher = enricher(NOTHING_FOUND, Duration.ofSeconds(5));
        assertThatThrownBy(() -> enricher.enrich(article("Headline only", "  \n ")))
                .isInstanceOf(UnprocessableArticleException.class)
                .hasMessageStartingWith("empty body");
    }

    @Test
    void articleOverTheSizeLimitIsUnprocessable() {
        ArticleEnricher enricher = enricher(NOTHING_FOUND, Duration.ofSeconds(5));
        assertThatThrownBy(() -> enricher.enrich(article("Long", "x".repeat(MAX_CHARS))))
                .isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("oversized")
                .hasMessageContaining(EnrichmentConfig.MAX_ARTICLE_CHARS_CONFIG);
    }

    @Test
    void theRealExtractionGivesUpOnceItsBudgetHasPassed() {
        String body = "The central bank raised rates by 25 basis points on Tuesday in Frankfurt. ".repeat(400);
        // A step that takes its time before handing over to the extractor, as a pathological article would.
        ArticleEnricher.ExtractionStep slow = (text, language, date, deadline) -> {
            sleep(Duration.ofMillis(300));
            return EXTRACTOR.extract(text, language, date, deadline);
        };
        ArticleEnricher enricher = enricher(slow, Duration.ofMillis(100), 100_000);

        assertThatThrownBy(() -> enricher.enrich(article("Slow", body)))
                .isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("budget of 100 ms")
                .hasMessageContaining(EnrichmentConfig.EXTRACTION_TIMEOUT_MS_CONFIG);
    }

    @Test
    void withinItsBudgetOrWithoutOneTheExtractionCompletes() {
        RawArticle article = article("Rates", "The central bank raised rates by 25 basis points in Frankfurt.");
        ArticleEnricher.ExtractionStep real = EXTRACTOR::extract;

        assertThat(enricher(real, Duration.ofSeconds(5), MAX_CHARS).enrich(article).getFigures()).isNotEmpty();
        assertThat(enricher(real, Duration.ZERO, MAX_CHARS).enrich(article).getFigures()).isNotEmpty();
    }

    @Test
    void extractionThatThrowsIsReportedWithItsCause() {
        ArticleEnricher.ExtractionStep broken = (text, language, date, deadline) -> {
            throw new IllegalStateException("tokenizer bug");
        };
        ArticleEnricher enricher = enricher(broken, Duration.ofSeconds(5));
        assertThatThrownBy(() -> enricher.enrich(article("Breaks", "The extractor throws on this one.")))
                .isInstanceOf(ExtractionFailedException.class)
                .hasMessageContaining("tokenizer bug")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void publicationDateAndStatedLanguageReachTheExtraction() {
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        ArticleEnricher.ExtractionStep recording = (text, language, date, deadline) -> {
            seen.set(language + " " + date + " " + text);
            return new Extraction(language, List.of(), List.of());
        };
        RawArticle article = article("Headline", "Body.");
        article.setLanguage("ar");
        article.setPublishedAt(Instant.parse("2025-03-02T23:30:00Z"));
        assertThat(enricher(recording, Duration.ofSeconds(5)).enrich(article).getLanguage()).isEqualTo("ar");
        assertThat(seen.get()).isEqualTo("ar 2025-03-02 Headline\n\nBody.");
    }

    private static final int MAX_CHARS = 1_000;
    private static final ArticleEnricher.ExtractionStep NOTHING_FOUND =
            (text, language, date, deadline) -> new Extraction("en", List.of(), List.of());

    private static final Extractor EXTRACTOR = Extractor.load();

    private static ArticleEnricher enricher(ArticleEnricher.ExtractionStep step, Duration budget) {
        return enricher(step, budget, MAX_CHARS);
    }

    private static ArticleEnricher enricher(ArticleEnricher.ExtractionStep step, Duration budget, int maxChars) {
        return new ArticleEnricher(step, maxChars, budget, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
