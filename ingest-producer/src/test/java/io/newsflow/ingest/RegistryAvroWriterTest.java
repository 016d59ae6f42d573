package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.testing.TestRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingest stage's value writer against the real registry and the registry's own serde. */
class RegistryAvroWriterTest {

    private static String registryUrl;
    private static List<RawArticle> articles;

    @BeforeAll
    static void startRegistry() throws Exception {
        registryUrl = TestRegistry.shared().apiUrl();
        Instant receivedAt = Instant.parse("2026-03-03T10:15:30Z");
        articles = new ArrayList<>();
        for (String name : List.of("wire-english.txt", "arabic-page.txt", "ninjs2-desalination-v3.json")) {
            try (InputStream in = RegistryAvroWriterTest.class.getResourceAsStream("/formats/" + name)) {
                articles.addAll(StoryFormats.parse(name, in.readAllBytes(), receivedAt).articles());
            }
        }
    }

    @Test
    void writesTheBytesOfTheRegistrySerializerAndItsDeserializerReadsThemBack() {
        Map<String, Object> configs = RegistrySerdes.config(registryUrl);
        Deserializer<RawArticle> deserializer = RegistrySerdes.valueDeserializer(registryUrl);
        try (RegistryAvroWriter<RawArticle> writer = new RegistryAvroWriter<>(Topics.RAW, configs);
             AvroKafkaSerializer<RawArticle> registry = new AvroKafkaSerializer<>()) {
            registry.configure(configs, false);
            for (int round = 0; round < 2; round++) {
                for (RawArticle article : articles) {
                    Headers headers = new RecordHeaders();
                    byte[] bytes = writer.serialize(headers, article);

                    assertThat(bytes).isEqualTo(registry.serialize(Topics.RAW, new RecordHeaders(), article));
                    assertThat(bytes[0]).isZero();
                    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isPositive();
                    assertThat(headers.toArray()).isEmpty();
                    assertThat(deserializer.deserialize(Topics.RAW, headers, bytes)).isEqualTo(article);
                }
            }
        } finally {
            deserializer.close();
        }
    }

    @Test
    void withIdsInHeadersWritesTheHeadersOfTheRegistrySerializer() {
        Map<String, Object> configs = RegistrySerdes.config(registryUrl);
        configs.put("apicurio.registry.headers.enabled", "true");
        try (RegistryAvroWriter<RawArticle> writer = new RegistryAvroWriter<>(Topics.RAW, configs);
             AvroKafkaSerializer<RawArticle> registry = new AvroKafkaSerializer<>()) {
            registry.configure(configs, false);
            RawArticle article = articles.get(0);
            Headers ours = new RecordHeaders();
            Headers theirs = new RecordHeaders();

            assertThat(writer.serialize(ours, article)).isEqualTo(registry.serialize(Topics.RAW, theirs, article));
            assertThat(ours).isEqualTo(theirs).isNotEmpty();
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
        try (RegistryAvroWriter<RawArticle> writer = new RegistryAvroWriter<>(Topics.RAW, configs)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> writer.serialize(new RecordHeaders(), articles.get(0)))
                        .isInstanceOf(SerializationException.class)
                        .hasMessageContaining("could not resolve the schema of io.newsflow.schemas.RawArticle for news.raw");
            }
        }
    }
}
