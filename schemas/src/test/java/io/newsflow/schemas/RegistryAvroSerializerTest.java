package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline's value serializer against the real registry and the registry's own serde. */
class RegistryAvroSerializerTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-03T10:15:30Z");

    private static String registryUrl;

    @BeforeAll
    static void startRegistry() {
        registryUrl = TestRegistry.shared().apiUrl();
    }

    @Test
    void writesTheBytesOfTheRegistrySerializerForEveryTopicAndItsDeserializerReadsThemBack() {
        Map<String, Object> configs = RegistrySerdes.config(registryUrl);
        List<RawArticle> articles = List.of(
                raw("wire-1", "Port reopens", "The harbour authority said 12 ships docked on Monday.", null),
                raw("wire-2", "افتتاح محطة تحلية", "قالت الوزارة إن المحطة تنتج 2.5 مليون متر مكعب يومياً.", "ar"));
        try (RegistryAvroSerializer<SpecificRecord> ours = new RegistryAvroSerializer<>();
             AvroKafkaSerializer<SpecificRecord> registry = new AvroKafkaSerializer<>();
             Deserializer<SpecificRecord> deserializer = RegistrySerdes.valueDeserializer(registryUrl)) {
            ours.configure(configs, false);
            registry.configure(configs, false);
            // Alternating topics and record classes through one serializer, as a shared one would see them.
            for (int round = 0; round < 2; round++) {
                for (RawArticle article : articles) {
                    for (Map.Entry<String, SpecificRecord> value : Map.<String, SpecificRecord>of(
                            Topics.RAW, article, Topics.ENRICHED, enriched(article)).entrySet()) {
                        String topic = value.getKey();
                        Headers headers = new RecordHeaders();
                        byte[] bytes = ours.serialize(topic, headers, value.getValue());

                        assertThat(bytes).isEqualTo(registry.serialize(topic, new RecordHeaders(), value.getValue()));
                        assertThat(bytes[0]).isZero();
                        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isPositive();
                        assertThat(headers.toArray()).isEmpty();
                        assertThat(deserializer.deserialize(topic, headers, bytes)).isEqualTo(value.getValue());
                    }
                }
            }
            assertThat(ours.serialize(Topics.ENRICHED, new RecordHeaders(), null)).isNull();
        }
    }

    @Test
    void withIdsInHeadersWritesTheHeadersOfTheRegistrySerializer() {
        Map<String, Object> configs = RegistrySerdes.config(registryUrl);
        configs.put("apicurio.registry.headers.enabled", "true");
        try (RegistryAvroSerializer<RawArticle> ours = new RegistryAvroSerializer<>();
             AvroKafkaSerializer<RawArticle> registry = new AvroKafkaSerializer<>()) {
            ours.configure(configs, false);
            registry.configure(configs, false);
            RawArticle article = raw("wire-3", "Rates held", "The bank kept its rate at 4 pct.", "en");
            Headers theirHeaders = new RecordHeaders();
            Headers ourHeaders = new RecordHeaders();

            assertThat(ours.serialize(Topics.RAW, ourHeaders, article))
                    .isEqualTo(registry.serialize(Topics.RAW, theirHeaders, article));
            assertThat(ourHeaders).isEqualTo(theirHeaders).isNotEmpty();
            assertThatThrownBy(() -> ours.serialize(Topics.RAW, article))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("record headers");
        }
    }

    @Test
    void refusesAnEncodingOtherThanBinary() {
        Map<String, Object> configs = RegistrySerdes.config(registryUrl);
        configs.put("apicurio.registry.avro.encoding", "JSON");
        try (RegistryAvroSerializer<RawArticle> ours = new RegistryAvroSerializer<>()) {
            assertThatThrownBy(() -> ours.configure(configs, false)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Avro binary");
        }
    }

    @Test
    void anUnreachableRegistryIsAClearErrorOnEveryRecordUntilItAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> configs = RegistrySerdes.config("http://127.0.0.1:" + closedPort + "/apis/registry/v3");
        configs.put("apicurio.registry.retry-count", "0");
        RawArticle article = raw("wire-4", "Storm warning", "Winds of 90 km/h are expected.", "en");
        try (RegistryAvroSerializer<RawArticle> ours = new RegistryAvroSerializer<>()) {
            ours.configure(configs, false);
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> ours.serialize(Topics.RAW, new RecordHeaders(), article))
                        .isInstanceOf(SerializationException.class)
                        .hasMessageContaining("could not resolve the schema of io.newsflow.schemas.RawArticle for news.raw");
            }
        }
    }

    private static RawArticle raw(String id, String headline, String body, String language) {
        return RawArticle.newBuilder()
                .setId(id)
                .setSource("serializer-test")
                .setLanguage(language)
                .setHeadline(headline)
                .setBody(body)
                .setPublishedAt(RECEIVED.minusSeconds(3600))
                .setReceivedAt(RECEIVED)
                .setFormat(InputFormat.PLAIN_TEXT)
                .setContentHash(Integer.toHexString(body.hashCode()))
                .setMetadata(Map.of("desk", "test"))
                .build();
    }

    private static EnrichedArticle enriched(RawArticle article) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(article.getLanguage() == null ? "en" : article.getLanguage())
                .setEntities(List.of(Entity.newBuilder().setType(EntityType.ORGANIZATION).setText(article.getHeadline())
                        .setCanonicalId("org:test").setStart(0).setEnd(article.getHeadline().length()).setConfidence(0.9).build()))
                .setFigures(List.of(Figure.newBuilder().setKind(FigureKind.NUMBER).setValue(12.0).setMin(null)
                        .setMax(null).setIsoValue(null).setUnit(null).setCurrency(null)
                        .setText("12").setStart(40).setEnd(42).build()))
                .setEnrichedAt(RECEIVED)
                .setEnricherVersion("test")
                .build();
    }
}
