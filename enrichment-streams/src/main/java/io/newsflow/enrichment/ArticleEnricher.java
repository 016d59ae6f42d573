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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Turns one raw article into an enriched one with the extraction library. Thread-safe. */
public final class ArticleEnricher {

    /** Between headline and body in the text handed to the extractor; entity and figure offsets index that text. */
    public static final String HEADLINE_SEPARATOR = "\n\n";

    private final Extractor extractor;
    private final Clock clock;

    public ArticleEnricher(Extractor extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    /** The text offsets refer to: {@code headline + "\n\n" + body}, as the {@code EnrichedArticle} schema says. */
    public static String text(RawArticle article) {
        return article.getHeadline() + HEADLINE_SEPARATOR + article.getBody();
    }

    /** @throws UnprocessableArticleException when the article has no body to extract from */
    public EnrichedArticle enrich(RawArticle article) {
        if (article.getBody().isBlank()) {
            throw new UnprocessableArticleException("empty body: article " + article.getId() + " has no text to enrich");
        }
        // The date anchors relative expressions ("last Tuesday"); wire timestamps are UTC, so is the anchor.
        LocalDate published = article.getPublishedAt() == null
                ? null : LocalDate.ofInstant(article.getPublishedAt(), ZoneOffset.UTC);
        Extraction extraction = extractor.extract(text(article), article.getLanguage(), published);
        return toEnriched(article, extraction, clock.instant());
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
