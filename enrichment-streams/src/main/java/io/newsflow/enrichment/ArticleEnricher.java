package io.newsflow.enrichment;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.Extraction;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Turns one raw article into an enriched one with the extraction library, within a size limit and a time budget.
 * Thread-safe; one instance serves every stream thread of an app.
 */
public final class ArticleEnricher implements AutoCloseable {

    /** Between headline and body in the text handed to the extractor; entity and figure offsets index that text. */
    public static final String HEADLINE_SEPARATOR = "\n\n";

    /** The extraction step, as {@link Extractor#extract} does it. */
    @FunctionalInterface
    public interface ExtractionStep {
        Extraction extract(String text, String languageHint, LocalDate publishedDate);
    }

    private final ExtractionStep extraction;
    private final int maxChars;
    private final Duration budget;
    private final Clock clock;
    /**
     * With a budget, extraction runs here rather than on the stream thread so that the stream thread can give up
     * on it: an article that sends the extractor into a pathological case must not hold the partition past
     * {@code max.poll.interval.ms} and the transaction timeout. A thread that overran is abandoned (interrupted,
     * and left to finish), so the pool grows only by the number of overruns in flight. Without a budget (0) the
     * stream thread extracts itself and saves the two thread hand-offs per article.
     */
    private final ExecutorService workers;

    ArticleEnricher(ExtractionStep extraction, int maxChars, Duration budget, Clock clock) {
        this.extraction = extraction;
        this.maxChars = maxChars;
        this.budget = budget;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "newsflow-extraction-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
        if (budget.isZero()) {
            try {
                return toEnriched(article, extraction.extract(text, article.getLanguage(), published), clock.instant());
            } catch (RuntimeException e) {
                throw new ExtractionFailedException(article.getId(), e);
            }
        }
        Future<Extraction> result = workers.submit(() -> extraction.extract(text, article.getLanguage(), published));
        try {
            return toEnriched(article, result.get(budget.toNanos(), TimeUnit.NANOSECONDS), clock.instant());
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new UnprocessableArticleException("extraction of article " + article.getId() + " ran past its budget of "
                    + budget.toMillis() + " ms (" + EnrichmentConfig.EXTRACTION_TIMEOUT_MS_CONFIG + ")");
        } catch (ExecutionException e) {
            throw new ExtractionFailedException(article.getId(), e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            throw new InterruptException(e);
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

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
