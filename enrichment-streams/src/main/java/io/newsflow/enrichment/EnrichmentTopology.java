package io.newsflow.enrichment;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code news.raw} → drop duplicates → enrich → {@code news.enriched}, keyed by article id throughout, so an
 * article's versions stay in one partition, in order, and meet the same duplicate-filter store entry.
 */
public final class EnrichmentTopology {

    private EnrichmentTopology() {
    }

    public static Topology build(EnrichmentConfig config, ArticleEnricher enricher, EnrichmentMetrics metrics) {
        Map<String, Object> serdeConfigs = config.serdeConfigs();
        Serde<RawArticle> rawSerde = new RegistryRetryingSerde<>(avroSerde(serdeConfigs, RawArticle.class),
                config.registryRetryTimeout(), metrics);
        Serde<EnrichedArticle> enrichedSerde = new RegistryRetryingSerde<>(avroSerde(serdeConfigs, EnrichedArticle.class),
                config.registryRetryTimeout(), metrics);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(DuplicateFilter.storeBuilder());
        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), rawSerde)
                        .withName("raw-articles"))
                .processValues(() -> new DuplicateFilter(config.dedupWindow(), config.dedupRetention(), metrics),
                        Named.as("drop-duplicates"), DuplicateFilter.STORE)
                .mapValues(article -> {
                    long start = System.nanoTime();
                    // A tombstone on news.raw kills the story; it stays a tombstone on the compacted news.enriched.
                    EnrichedArticle enriched = article == null ? null : enricher.enrich(article);
                    metrics.recordOut(System.nanoTime() - start);
                    return enriched;
                }, Named.as("enrich"))
                .to(Topics.ENRICHED, Produced.with(Serdes.String(), enrichedSerde)
                        .withName("enriched-articles"));
        return builder.build();
    }

    private static <T extends SpecificRecord> Serde<T> avroSerde(Map<String, Object> configs, Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(configs, false);
        return serde;
    }
}
