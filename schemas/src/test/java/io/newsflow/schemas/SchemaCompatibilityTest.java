package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The fast, offline half of the compatibility gate; the registry half is RegistryCompatibilityTest. */
class SchemaCompatibilityTest {

    @Test
    void everyReleasedVersionIsReadableWithTheCurrentSchemas() {
        Map<String, Map<String, Schema>> released = ReleasedSchemas.byVersion();
        assertThat(released).isNotEmpty();
        released.forEach((version, subjects) -> subjects.forEach((subject, writer) -> {
            String topic = subject.replaceFirst("-value$", "");
            Schema reader = SchemaRegistration.currentValueSchemas().get(topic);
            assertThat(reader).as("current schema for %s", subject).isNotNull();
            var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            assertThat(result.getType())
                    .as("%s: current schema must read data written with %s (%s)", subject, version,
                            result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }));
    }

    @Test
    void everyCurrentValueSchemaHasAReleasedVersion() {
        Map<String, Schema> newest = ReleasedSchemas.byVersion().values().stream().reduce((a, b) -> b).orElseThrow();
        for (String topic : SchemaRegistration.currentValueSchemas().keySet()) {
            assertThat(newest).containsKey(SchemaRegistration.subject(topic));
        }
    }

    @Test
    void aRequiredFieldWithoutDefaultIsCaught() {
        Schema released = RawArticle.getClassSchema();
        Schema broken = SchemaBuilder.record("RawArticle").namespace("io.newsflow.schemas").fields()
                .requiredString("id").requiredString("editorNote").endRecord();
        var result = SchemaCompatibility.checkReaderWriterCompatibility(broken, released);
        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
