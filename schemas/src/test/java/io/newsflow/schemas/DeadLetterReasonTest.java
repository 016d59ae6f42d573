package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reasons given for what the registry's own deserializer, against the real registry, cannot read. */
class DeadLetterReasonTest {

    private static String registryUrl;
    private static Deserializer<RawArticle> deserializer;
    private static byte[] article;

    @BeforeAll
    static void writeOneArticle() {
        registryUrl = TestRegistry.shared().apiUrl();
        SchemaRegistration.forRegistryUrl(registryUrl).registerAll();
        deserializer = RegistrySerdes.valueDeserializer(registryUrl);
        try (Serializer<RawArticle> serializer = RegistrySerdes.valueSerializer(registryUrl)) {
            article = serializer.serialize(Topics.RAW, RawArticle.newBuilder()
                    .setId("reason-1").setSource("test").setHeadline("Water tariff rises").setBody("By 4 percent.")
                    .setReceivedAt(Instant.parse("2026-11-01T10:00:00Z")).setFormat(InputFormat.PLAIN_TEXT)
                    .setContentHash("abc").setMetadata(Map.of()).build());
        }
    }

    @Test
    void textIsNotAvroInTheWireFormat() {
        byte[] text = "<story>not Avro</story>".getBytes(StandardCharsets.UTF_8);

        assertThat(reasonFor(text)).isEqualTo("not Avro in the Confluent wire format (first byte 0x3c, expected 0x00)");
    }

    @Test
    void fewerBytesThanTheMagicByteAndASchemaIdAreTooShort() {
        assertThat(reasonFor(new byte[] {0})).isEqualTo("too short for a schema id (1 byte)");
        assertThat(reasonFor(new byte[] {0, 0, 0, 1})).isEqualTo("too short for a schema id (4 bytes)");
        assertThat(reasonFor(new byte[0])).isEqualTo("too short for a schema id (0 bytes)");
    }

    @Test
    void anIdTheRegistryHasNeverGivenIsUnknown() {
        byte[] unknown = article.clone();
        ByteBuffer.wrap(unknown, 1, 4).putInt(987_654_321);

        Throwable failure = failureFor(unknown);

        assertThat(DeadLetterReason.isUnknownSchemaId(failure)).isTrue();
        assertThat(DeadLetterReason.unreadable(unknown, failure)).isEqualTo("unknown schema id 987654321");
    }

    @Test
    void aBodyCutShortDoesNotMatchItsSchema() {
        byte[] truncated = Arrays.copyOf(article, 12);

        Throwable failure = failureFor(truncated);

        assertThat(DeadLetterReason.isUnknownSchemaId(failure)).isFalse();
        assertThat(DeadLetterReason.unreadable(truncated, failure)).isEqualTo("does not match the schema (id "
                + ByteBuffer.wrap(article, 1, 4).getInt() + "): the value ends before the schema's last field");
    }

    @Test
    void aLongCauseIsCutToOneShortLine() {
        String noisy = "line one\n\tline two " + "x".repeat(400);

        String reason = DeadLetterReason.unreadable(article, new IllegalStateException("wrapper",
                new IllegalArgumentException(noisy)));

        assertThat(reason).startsWith("does not match the schema (id " + ByteBuffer.wrap(article, 1, 4).getInt()
                + "): line one line two xxx").doesNotContain("\n").hasSizeLessThan(260).endsWith("…");
    }

    @Test
    void theRegistryKnowsTheSubjectsItWasGivenAndNoOthers() throws IOException {
        SchemaRegistration registration = SchemaRegistration.forRegistryUrl(registryUrl);

        assertThat(registration.isRegistered(SchemaRegistration.subject(Topics.RAW))).isTrue();
        assertThat(registration.isRegistered("no-such-topic-value")).isFalse();

        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SchemaRegistration unreachable = SchemaRegistration.forRegistryUrl(
                "http://127.0.0.1:" + closedPort + "/apis/registry/v3");
        assertThat(catchThrowable(() -> unreachable.isRegistered("news.raw-value")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreachable");
    }

    private static String reasonFor(byte[] value) {
        return DeadLetterReason.unreadable(value, failureFor(value));
    }

    private static Throwable failureFor(byte[] value) {
        Throwable failure = catchThrowable(() -> deserializer.deserialize(Topics.RAW, new RecordHeaders(), value));
        assertThat(failure).as("the registry deserializer fails on these bytes").isNotNull();
        return failure;
    }
}
