package io.newsflow.enrichment;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistryAvroSerializer;
import io.newsflow.schemas.RegistryContract;
import io.newsflow.schemas.SchemaRegistration;
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
 * {@code news.raw} → read → drop duplicates → enrich → {@code news.enriched}, keyed by article id throughout, so an
 * article's versions stay in one partition, in order, and meet the same duplicate-filter store entry.
 */
public final class EnrichmentTopology {

    private EnrichmentTopology() {
    }

    public static Topology build(EnrichmentConfig config, ArticleEnricher enricher, EnrichmentMetrics metrics) {
        Serde<RawArticle> rawSerde = registrySerde(config, metrics);
        Serde<EnrichedArticle> enrichedSerde = registrySerde(config, metrics);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(DuplicateFilter.storeBuilder());
        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("raw-articles"))
                .processValues(() -> new RawArticleReader(rawSerde.deserializer(), metrics), Named.as("read-articles"))
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

    /**
     * Avro values through the registry, waiting out its outages. Written by {@link RegistryAvroSerializer} (the
     * registry serializer's bytes, without its per-record schema fingerprint), read by the registry's deserializer.
     */
    static <T extends SpecificRecord> Serde<T> registrySerde(EnrichmentConfig config, EnrichmentMetrics metrics) {
        Map<String, Object> configs = config.serdeConfigs();
        Serde<T> avro = Serdes.serdeFrom(new RegistryAvroSerializer<>(), new AvroKafkaDeserializer<>());
        avro.configure(configs, false);
        RegistryContract contract = new RegistryContract(SchemaRegistration.forClientConfig(configs));
        return new RegistryRetryingSerde<>(avro, config.registryRetryTimeout(), metrics, contract);
    }
}
