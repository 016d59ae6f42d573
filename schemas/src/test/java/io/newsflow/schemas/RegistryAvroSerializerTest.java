package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline's value serializer against the real registry and the registry's own serde. */
class RegistryAvroSerializerTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-03T10:15:30Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String registryUrl;
    private static SchemaRegistration setup;
    private static Map<String, Integer> setUpIds;

    @BeforeAll
    static void setUpRegistry() {
        registryUrl = TestRegistry.shared().apiUrl();
        setup = SchemaRegistration.forRegistryUrl(registryUrl);
        setUpIds = setup.registerAll();
    }

    @Test
    void writesTheIdSetupGaveAndAConfluentClientReadsEveryTopicWithThatSchemaAlone() throws Exception {
        RawArticle article = raw("wire-0", "بيان الوزارة", "قالت الوزارة إن 771 متهماً أحيلوا إلى المحاكمة.", "ar");
        OpsEvent report = OpsEvent.newBuilder().setStage("ingest").setInstanceId("test-1").setTimestamp(RECEIVED)
                .setState("RUNNING").setLatencyP50Ms(1.5).setLatencyP99Ms(9.0).setRecordsIn(3).build();
        Map<String, SpecificRecord> values = Map.of(Topics.RAW, article, Topics.ENRICHED, enriched(article),
                Topics.OPS, report);
        Map<String, GenericRecord> read = new HashMap<>();
        try (RegistryAvroSerializer<SpecificRecord> ours = new RegistryAvroSerializer<>()) {
            ours.configure(RegistrySerdes.config(registryUrl), false);
            for (Map.Entry<String, SpecificRecord> value : values.entrySet()) {
                byte[] bytes = ours.serialize(value.getKey(), new RecordHeaders(), value.getValue());
                int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
                assertThat(id).as(value.getKey()).isEqualTo(setUpIds.get(SchemaRegistration.subject(value.getKey())));
                read.put(value.getKey(), readAsConfluentClient(id, bytes));
            }
        }
        assertThat(read.get(Topics.RAW).get("headline")).hasToString("بيان الوزارة");
        assertThat(read.get(Topics.RAW).get("format")).hasToString("PLAIN_TEXT");
        GenericRecord enriched = read.get(Topics.ENRICHED);
        assertThat(((GenericRecord) enriched.get("article")).get("body")).hasToString(article.getBody());
        assertThat(((GenericRecord) ((List<?>) enriched.get("entities")).get(0)).get("canonicalId"))
                .hasToString("org:test");
        assertThat(((GenericRecord) ((List<?>) enriched.get("figures")).get(0)).get("kind")).hasToString("NUMBER");
        assertThat(read.get(Topics.OPS).get("stage")).hasToString("ingest");
        assertThat(read.get(Topics.OPS).get("recordsIn")).isEqualTo(3L);
    }

    /** The schema by id from the ccompat API, parsed by plain Avro knowing no other type; the body after the id. */
    private static GenericRecord readAsConfluentClient(int id, byte[] value) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(
                TestRegistry.shared().ccompatUrl() + "/schemas/ids/" + id)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode schemaById = JSON.readTree(answer.body());
        assertThat(schemaById.path("references")).as("references of schema %d", id).isEmpty();
        Schema schema = new Schema.Parser().parse(schemaById.get("schema").asText());
        return new GenericDatumReader<GenericRecord>(schema).read(null,
                DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    }

    @Test
    void aSchemaNotRegisteredUnderItsTopicsSubjectFailsNamingTheSubjectAndSetupAndRegistersNothing() {
        String topic = "never-set-up-" + UUID.randomUUID();
        RawArticle article = raw("wire-5", "Unwritten", "Nothing registered this.", "en");
        try (RegistryAvroSerializer<RawArticle> ours = new RegistryAvroSerializer<>()) {
            ours.configure(RegistrySerdes.config(registryUrl), false);
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> ours.serialize(topic, new RecordHeaders(), article))
                        .isInstanceOf(SchemaNotRegisteredException.class)
                        .hasMessageContaining("io.newsflow.schemas.RawArticle")
                        .hasMessageContaining("not registered under subject " + topic + "-value")
                        .hasMessageContaining("news-pipeline setup")
                        .satisfies(e -> assertThat(((SchemaNotRegisteredException) e).subject())
                                .isEqualTo(topic + "-value"));
            }
        }
        // The registry's own serializer, with the pipeline's settings, does not register it either.
        try (Serializer<RawArticle> theirs = new AvroKafkaSerializer<>()) {
            theirs.configure(RegistrySerdes.config(registryUrl), false);
            assertThatThrownBy(() -> theirs.serialize(topic, article)).isInstanceOf(RuntimeException.class);
        }
        assertThat(setup.isRegistered(topic + "-value")).isFalse();
        // What a registering writer used to leave behind: its nested types as subjects of their own.
        assertThat(setup.isRegistered("io.newsflow.schemas.InputFormat")).isFalse();
    }

    @Test
    void aSubjectSetUpWithoutTheWritersSchemaFailsTheSameWay() {
        String topic = "set-up-by-another-release-" + UUID.randomUUID();
        int other = setup.register(SchemaRegistration.subject(topic), OpsEvent.getClassSchema());
        try (RegistryAvroSerializer<RawArticle> ours = new RegistryAvroSerializer<>()) {
            ours.configure(RegistrySerdes.config(registryUrl), false);
            assertThatThrownBy(() -> ours.serialize(topic, new RecordHeaders(), raw("wire-7", "Other", "Schema.", "en")))
                    .isInstanceOf(SchemaNotRegisteredException.class)
                    .hasMessageContaining("not registered under subject " + topic + "-value");
        }
        assertThat(setup.registeredId(SchemaRegistration.subject(topic), RawArticle.getClassSchema())).isEmpty();
        assertThat(setup.registeredId(SchemaRegistration.subject(topic), OpsEvent.getClassSchema())).contains(other);
    }

    @Test
    void findsItsOwnSchemaByContentWhileANewerVersionIsTheSubjectsLatest() {
        String topic = "older-writer-" + UUID.randomUUID();
        String subject = SchemaRegistration.subject(topic);
        int own = setup.register(subject, RawArticle.getClassSchema());
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : RawArticle.getClassSchema().getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field("editorNote", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.STRING)), "added by a later release", Schema.Field.NULL_DEFAULT_VALUE));
        int latest = setup.register(subject, Schema.createRecord("RawArticle", null, "io.newsflow.schemas", false,
                fields));
        assertThat(latest).isNotEqualTo(own);
        try (RegistryAvroSerializer<RawArticle> ours = new RegistryAvroSerializer<>()) {
            ours.configure(RegistrySerdes.config(registryUrl), false);
            byte[] bytes = ours.serialize(topic, new RecordHeaders(), raw("wire-6", "Old", "Writer.", "en"));
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(own);
        }
    }

    @Test
    void refusesSettingsThatWouldRegisterOrWriteAnotherVersionsId() {
        for (Map.Entry<String, String> setting : Map.of("apicurio.registry.auto-register", "true",
                "apicurio.registry.find-latest", "true", "apicurio.registry.dereference-schema", "false").entrySet()) {
            Map<String, Object> configs = RegistrySerdes.config(registryUrl);
            configs.put(setting.getKey(), setting.getValue());
            try (RegistryAvroSerializer<RawArticle> ours = new RegistryAvroSerializer<>()) {
                assertThatThrownBy(() -> ours.configure(configs, false)).isInstanceOf(ConfigException.class)
                        .hasMessageContaining(setting.getKey()).hasMessageContaining("never register");
            }
        }
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
