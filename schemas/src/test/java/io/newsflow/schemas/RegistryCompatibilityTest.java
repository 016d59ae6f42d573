package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.registry.RegistryServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registers every released schema version, then the current ones, with a real registry enforcing BACKWARD. */
class RegistryCompatibilityTest {

    @TempDir
    static Path workDir;
    static RegistryServer registry;
    static SchemaRegistration registration;

    @BeforeAll
    static void startRegistry() {
        registry = RegistryServer.start(workDir, null);
        registration = new SchemaRegistration(registry.ccompatUrl());
        registration.enforceBackwardCompatibility();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void currentSchemasRegisterOnTopOfEveryReleasedVersion() {
        ReleasedSchemas.byVersion().forEach((version, subjects) ->
                subjects.forEach((subject, schema) -> registration.register(subject, schema)));
        SchemaRegistration.currentValueSchemas().forEach((topic, schema) ->
                assertThat(registration.isCompatible(SchemaRegistration.subject(topic), schema))
                        .as("current %s schema is BACKWARD compatible", topic).isTrue());
        registration.registerAll();
    }

    @Test
    void theRegistryRefusesAnIncompatibleChange() {
        String subject = "compat-probe-value";
        registration.register(subject, OpsEvent.getClassSchema());
        Schema broken = SchemaBuilder.record("OpsEvent").namespace("io.newsflow.schemas").fields()
                .requiredString("stage").requiredLong("mandatoryNewCounter").endRecord();
        assertThat(registration.isCompatible(subject, broken)).isFalse();
        assertThatThrownBy(() -> registration.register(subject, broken))
                .isInstanceOf(SchemaRegistration.IncompatibleSchemaException.class);
    }

    @Test
    void serializedRecordsUseTheConfluentWireFormatAndRoundTrip() {
        int registered = registration.register(SchemaRegistration.subject("wire-probe"), RawArticle.getClassSchema());
        Serializer<RawArticle> serializer = RegistrySerdes.valueSerializer(registry.apiUrl());
        Deserializer<RawArticle> deserializer = RegistrySerdes.valueDeserializer(registry.apiUrl());
        RawArticle article = RawArticle.newBuilder()
                .setId("wire-1").setSource("test").setHeadline("Headline").setBody("Body text")
                .setReceivedAt(Instant.parse("2026-11-01T10:00:00Z")).setFormat(InputFormat.PLAIN_TEXT)
                .setContentHash("abc").setMetadata(Map.of("desk", "world")).build();

        byte[] bytes = serializer.serialize("wire-probe", article);

        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(buffer.get()).as("magic byte").isZero();
        assertThat(buffer.getInt()).as("schema id").isEqualTo(registered);
        assertThat(deserializer.deserialize("wire-probe", bytes)).isEqualTo(article);
        serializer.close();
        deserializer.close();
    }
}
