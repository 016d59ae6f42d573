package io.newsflow.enrichment;

import io.newsflow.extraction.Deadline;
import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.Extraction;
import io.newsflow.extraction.ExtractionTimeoutException;
import io.newsflow.extraction.Extractor;
import io.newsflow.extraction.FigureMention;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.Figure;
import io.newsflow.schemas.FigureKind;
import io.newsflow.schemas.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Turns one raw article into an enriched one with the extraction library, within a size limit and a time budget.
 * Thread-safe; one instance serves every stream thread of an app.
 */
public final class ArticleEnricher {

    /** Between headline and body in the text handed to the extractor; entity and figure offsets index that text. */
    public static final String HEADLINE_SEPARATOR = "\n\n";

    /** The extraction step, as {@link Extractor#extract(String, String, LocalDate, Deadline)} does it. */
    @FunctionalInterface
    public interface ExtractionStep {
        Extraction extract(String text, String languageHint, LocalDate publishedDate, Deadline deadline);
    }

    private final ExtractionStep extraction;
    private final int maxChars;
    /**
     * Checked by the extraction itself, on the stream thread. Handing each article to a worker thread that the
     * stream thread could give up on costs throughput (the extraction's tables go cold between cores), and leaves an
     * overrunning thread burning a core after it was given up.
     */
    private final Duration budget;
    private final Clock clock;

    ArticleEnricher(ExtractionStep extraction, int maxChars, Duration budget, Clock clock) {
        this.extraction = extraction;
        this.maxChars = maxChars;
        this.budget = budget;
        this.clock = clock;
    }

    public static ArticleEnricher create(Extractor extractor, EnrichmentConfig config) {
        return new ArticleEnricher(extractor::extract, config.maxArticleChars(), config.extractionTimeout(),
                Clock.systemUTC());
    }

    /** The text offsets refer to: {@code headline + "\n\n" + body}, as the {@code EnrichedArticle} schema says. */
    public static String text(RawArticle article) {
        return article.getHeadline() + HEADLINE_SEPARATOR + article.getBody();
    }

    /**
     * @throws UnprocessableArticleException when the article has no body, is over the size limit, or its
     *                                       extraction ran past the budget
     * @throws ExtractionFailedException     when the extraction library threw
     */
    public EnrichedArticle enrich(RawArticle article) {
        if (article.getBody().isBlank()) {
            throw new UnprocessableArticleException("empty body: article " + article.getId() + " has no text to enrich");
        }
        String text = text(article);
        if (text.length() > maxChars) {
            throw new UnprocessableArticleException("oversized: article " + article.getId() + " has " + text.length()
                    + " chars, over the limit of " + maxChars + " (" + EnrichmentConfig.MAX_ARTICLE_CHARS_CONFIG + ")");
        }
        // The date anchors relative expressions ("last Tuesday"); wire timestamps are UTC, so is the anchor.
        LocalDate published = article.getPublishedAt() == null
                ? null : LocalDate.ofInstant(article.getPublishedAt(), ZoneOffset.UTC);
        try {
            return toEnriched(article, extraction.extract(text, article.getLanguage(), published, Deadline.after(budget)),
                    clock.instant());
        } catch (ExtractionTimeoutException e) {
            throw new UnprocessableArticleException("extraction of article " + article.getId() + " ran past its budget of "
                    + budget.toMillis() + " ms (" + EnrichmentConfig.EXTRACTION_TIMEOUT_MS_CONFIG + ")");
        } catch (RuntimeException e) {
            throw new ExtractionFailedException(article.getId(), e);
        }
    }

    static EnrichedArticle toEnriched(RawArticle article, Extraction extraction, Instant enrichedAt) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(extraction.language())
                .setEntities(extraction.entities().stream().map(ArticleEnricher::entity).toList())
                .setFigures(extraction.figures().stream().map(ArticleEnricher::figure).toList())
                .setEnrichedAt(enrichedAt)
                .setEnricherVersion(Extractor.VERSION)
                .build();
    }

    private static Entity entity(EntityMention mention) {
        return Entity.newBuilder()
                .setType(EntityType.valueOf(mention.type().name()))
                .setText(mention.text())
                .setCanonicalId(mention.canonicalId())
                .setStart(mention.start())
                .setEnd(mention.end())
                .setConfidence(mention.confidence())
                .build();
    }

    private static Figure figure(FigureMention mention) {
        return Figure.newBuilder()
                .setKind(FigureKind.valueOf(mention.kind().name()))
                .setValue(mention.value())
                .setMin(mention.min())
                .setMax(mention.max())
                .setIsoValue(mention.isoValue())
                .setUnit(mention.unit())
                .setCurrency(mention.currency())
                .setText(mention.text())
                .setStart(mention.start())
                .setEnd(mention.end())
                .build();
    }

}
