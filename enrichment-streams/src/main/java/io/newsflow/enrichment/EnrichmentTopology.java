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
 * {@code news.raw} → enrich → {@code news.enriched}, keyed by article id throughout, so an article's versions
 * stay in one partition and in order.
 */
public final class EnrichmentTopology {

    private EnrichmentTopology() {
    }

    /**
     * @param serdeConfigs registry settings for the Avro serdes ({@link EnrichmentConfig#serdeConfigs()})
     */
    public static Topology build(Map<String, Object> serdeConfigs, ArticleEnricher enricher) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), avroSerde(serdeConfigs, RawArticle.class))
                        .withName("raw-articles"))
                // A tombstone on news.raw kills the story; it stays a tombstone on the compacted news.enriched.
                .mapValues(article -> article == null ? null : enricher.enrich(article), Named.as("enrich"))
                .to(Topics.ENRICHED, Produced.with(Serdes.String(), avroSerde(serdeConfigs, EnrichedArticle.class))
                        .withName("enriched-articles"));
        return builder.build();
    }

    private static <T extends SpecificRecord> Serde<T> avroSerde(Map<String, Object> configs, Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(configs, false);
        return serde;
    }
}
