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
        try (ArticleEnricher enricher = enricher(NOTHING_FOUND, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> enricher.enrich(article("Headline only", "  \n ")))
                    .isInstanceOf(UnprocessableArticleException.class)
                    .hasMessageStartingWith("empty body");
        }
    }

    @Test
    void articleOverTheSizeLimitIsUnprocessable() {
        try (ArticleEnricher enricher = enricher(NOTHING_FOUND, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> enricher.enrich(article("Long", "x".repeat(MAX_CHARS))))
                    .isInstanceOf(UnprocessableArticleException.class)
                    .hasMessageContaining("oversized")
                    .hasMessageContaining(EnrichmentConfig.MAX_ARTICLE_CHARS_CONFIG);
        }
    }

    @Test
    void extractionPastItsBudgetIsAbandoned() {
        ArticleEnricher.ExtractionStep stuck = (text, language, date) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Extraction("en", List.of(), List.of());
        };
        try (ArticleEnricher enricher = enricher(stuck, Duration.ofMillis(200))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> enricher.enrich(article("Slow", "A story the extractor chokes on.")))
                    .isInstanceOf(UnprocessableArticleException.class)
                    .hasMessageContaining("budget of 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void withoutABudgetTheCallingThreadExtracts() {
        Thread caller = Thread.currentThread();
        ArticleEnricher.ExtractionStep onCaller = (text, language, date) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            throw new IllegalStateException("tokenizer bug");
        };
        try (ArticleEnricher enricher = enricher(onCaller, Duration.ZERO)) {
            assertThatThrownBy(() -> enricher.enrich(article("Inline", "Extracted on the stream thread.")))
                    .isInstanceOf(ExtractionFailedException.class)
                    .hasMessageContaining("tokenizer bug");
        }
    }

    @Test
    void extractionThatThrowsIsReportedWithItsCause() {
        ArticleEnricher.ExtractionStep broken = (text, language, date) -> {
            throw new IllegalStateException("tokenizer bug");
        };
        try (ArticleEnricher enricher = enricher(broken, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> enricher.enrich(article("Breaks", "The extractor throws on this one.")))
                    .isInstanceOf(ExtractionFailedException.class)
                    .hasMessageContaining("tokenizer bug")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void publicationDateAndStatedLanguageReachTheExtraction() {
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        ArticleEnricher.ExtractionStep recording = (text, language, date) -> {
            seen.set(language + " " + date + " " + text);
            return new Extraction(language, List.of(), List.of());
        };
        RawArticle article = article("Headline", "Body.");
        article.setLanguage("ar");
        article.setPublishedAt(Instant.parse("2025-03-02T23:30:00Z"));
        try (ArticleEnricher enricher = enricher(recording, Duration.ofSeconds(5))) {
            assertThat(enricher.enrich(article).getLanguage()).isEqualTo("ar");
        }
        assertThat(seen.get()).isEqualTo("ar 2025-03-02 Headline\n\nBody.");
    }

    private static final int MAX_CHARS = 1_000;
    private static final ArticleEnricher.ExtractionStep NOTHING_FOUND =
            (text, language, date) -> new Extraction("en", List.of(), List.of());

    private static ArticleEnricher enricher(ArticleEnricher.ExtractionStep step, Duration budget) {
        return new ArticleEnricher(step, MAX_CHARS, budget, Clock.fixed(NOW, ZoneOffset.UTC));
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
