package io.newsflow.store;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.Figure;
import io.newsflow.schemas.FigureKind;
import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SchemaRegistration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Enriched articles as the enrichment stage writes them, for tests and the benchmark. */
public final class Articles {

    private Articles() {
    }

    /**
     * Registers the value schemas of a test's own topics, as {@code setup} does for the standard ones: writers look
     * their schema up and never register it.
     */
    public static void registerSchemas(String registryUrl, String enrichedTopic, String opsTopic) {
        SchemaRegistration registry = SchemaRegistration.forRegistryUrl(registryUrl);
        registry.register(SchemaRegistration.subject(enrichedTopic), EnrichedArticle.getClassSchema());
        if (opsTopic != null) {
            registry.register(SchemaRegistration.subject(opsTopic), OpsEvent.getClassSchema());
        }
    }

    public static EnrichedArticle english(String id, long version, String headline) {
        String body = "CAIRO, March 3 (Reuters) - Egypt's prosecutor referred 771 defendants to trial on Sunday, "
                + "the state news agency said, and the central bank raised rates by 2 percent.";
        return article(id, version, "en", headline, body, List.of(
                entity(EntityType.LOCATION, "Egypt", "country:EG", 0.97),
                entity(EntityType.ORGANIZATION, "central bank", "org:CBE", 0.81)), List.of(
                figure(FigureKind.COUNT, 771.0, "defendants", "771 defendants"),
                figure(FigureKind.PERCENT, 2.0, "percent", "2 percent")));
    }

    public static EnrichedArticle arabic(String id, long version, String headline) {
        String body = "القاهرة - أحال النائب العام في مصر 771 متهماً إلى المحاكمة، وقال إن الحكومة خصصت 3 ملايين دولار.";
        Figure money = figure(FigureKind.MONEY, 3_000_000.0, null, "3 ملايين دولار");
        money.setCurrency("USD");
        return article(id, version, "ar", headline, body, List.of(
                entity(EntityType.LOCATION, "مصر", "country:EG", 0.95),
                entity(EntityType.PERSON, "النائب العام", null, 0.6)), List.of(
                figure(FigureKind.COUNT, 771.0, "متهماً", "771 متهماً"), money));
    }

    /** An article with {@code n} entities and {@code n} figures, about the size of a wire story. */
    public static EnrichedArticle sized(String id, int n) {
        List<Entity> entities = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entities.add(entity(EntityType.values()[i % 4], "Entity " + i, "q:" + (i % 50), 0.9));
            figures.add(figure(FigureKind.COUNT, (double) (i * 10), "soldiers", i * 10 + " soldiers"));
        }
        return article(id, 1, "en", "Story " + id, "Body of the story. ".repeat(100), entities, figures);
    }

    public static EnrichedArticle article(String id, long version, String language, String headline, String body,
            List<Entity> entities, List<Figure> figures) {
        RawArticle raw = RawArticle.newBuilder()
                .setId(id)
                .setSource("test")
                .setSourceUri("file:///samples/" + id + ".txt")
                .setGuid("urn:test:" + id)
                .setVersion(version)
                .setLanguage(language)
                .setHeadline(headline)
                .setBody(body)
                .setByline("By A Reporter")
                .setDateline("CAIRO")
                .setPublishedAt(Instant.parse("2017-02-12T09:30:00Z"))
                .setReceivedAt(Instant.parse("2017-02-12T09:31:00.123Z"))
                .setFormat(InputFormat.PLAIN_TEXT)
                .setContentHash(Integer.toHexString((headline + body).hashCode()))
                .setMetadata(Map.of("desk", "world"))
                .build();
        return EnrichedArticle.newBuilder()
                .setArticle(raw)
                .setLanguage(language)
                .setEntities(new ArrayList<>(entities))
                .setFigures(new ArrayList<>(figures))
                .setEnrichedAt(Instant.parse("2017-02-12T09:31:02Z"))
                .setEnricherVersion("test-1")
                .build();
    }

    public static Entity entity(EntityType type, String text, String canonicalId, double confidence) {
        return Entity.newBuilder().setType(type).setText(text).setCanonicalId(canonicalId)
                .setStart(0).setEnd(text.length()).setConfidence(confidence).build();
    }

    public static Figure figure(FigureKind kind, Double value, String unit, String text) {
        return Figure.newBuilder().setKind(kind).setValue(value).setUnit(unit).setText(text)
                .setStart(10).setEnd(10 + text.length()).build();
    }
}
