package io.newsflow.pipeline.bench;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistryAvroSerializer;
import io.newsflow.schemas.SchemaRegistration;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The plumbing ceiling: a Streams app that does everything the enrichment app does around the extraction and
 * nothing else. It reads {@code news.raw} with the registry's Avro deserializer, wraps each article unchanged in an
 * {@code EnrichedArticle} without entities or figures (the value schema enrichment writes), and writes it with the
 * pipeline's registry serializer to {@value #OUTPUT}, a topic laid out as {@code news.enriched} (so the sink does not
 * store it). Its Streams settings are the enrichment app's own (exactly_once_v2, commit interval, producer batch and
 * codec), built by {@link EnrichmentConfig#streamsProperties()} under another application id. It keeps no
 * duplicate-filter store: that store's changelog is enrichment's work.
 */
public final class PassThroughApp implements AutoCloseable {

    public static final String OUTPUT = "bench.passthrough";
    static final String APPLICATION_ID = "newsflow-bench-passthrough";
    static final String VERSION = "pass-through";

    private final KafkaStreams streams;

    private PassThroughApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Creates {@value #OUTPUT} and registers its schema, then starts the app and waits until it processes.
     *
     * @param enrichmentSettings the settings the bench runs the enrichment app with
     */
    public static PassThroughApp start(Map<String, Object> enrichmentSettings, Admin admin) throws Exception {
        Map<String, Object> settings = new HashMap<>(enrichmentSettings);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        EnrichmentConfig config = new EnrichmentConfig(settings);
        createOutputTopic(admin);
        SchemaRegistration.forRegistryUrl(String.valueOf(settings.get(EnrichmentConfig.REGISTRY_URL_CONFIG)))
                .register(SchemaRegistration.subject(OUTPUT), EnrichedArticle.getClassSchema());

        Serde<RawArticle> raw = registrySerde(config);
        Serde<EnrichedArticle> enriched = registrySerde(config);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), raw))
                .mapValues(article -> article == null ? null : EnrichedArticle.newBuilder()
                        .setArticle(article)
                        .setLanguage(article.getLanguage() == null ? "other" : article.getLanguage())
                        .setEntities(List.of())
                        .setFigures(List.of())
                        .setEnrichedAt(Instant.now())
                        .setEnricherVersion(VERSION)
                        .build())
                .to(OUTPUT, Produced.with(Serdes.String(), enriched));
        Properties props = config.streamsProperties();
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        PassThroughApp app = new PassThroughApp(streams);
        streams.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                app.close();
                throw new IllegalStateException("the pass-through app did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(50);
        }
        return app;
    }

    private static void createOutputTopic(Admin admin) throws InterruptedException {
        Topics.TopicSpec layout = Topics.all().stream().filter(spec -> spec.name().equals(Topics.ENRICHED))
                .findFirst().orElseThrow();
        Map<String, String> configs = new HashMap<>(layout.configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        try {
            admin.createTopics(List.of(new NewTopic(OUTPUT, layout.partitions(), (short) 1).configs(configs)))
                    .all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create " + OUTPUT, e.getCause());
        }
    }

    private static <T extends SpecificRecord> Serde<T> registrySerde(EnrichmentConfig config) {
        Serde<T> serde = Serdes.serdeFrom(new RegistryAvroSerializer<>(), new AvroKafkaDeserializer<>());
        serde.configure(config.serdeConfigs(), false);
        return serde;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
