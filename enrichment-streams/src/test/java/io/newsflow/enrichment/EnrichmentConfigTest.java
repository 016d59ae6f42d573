package io.newsflow.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentConfigTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "bootstrap.servers", "broker:9092",
            "apicurio.registry.url", "http://registry:8080/apis/registry/v3");

    @Test
    void runsExactlyOnceWithDeadLettersByDefault() {
        Properties props = config(Map.of()).streamsProperties();

        assertThat(props)
                .containsEntry("application.id", "newsflow-enrichment")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("errors.dead.letter.queue.topic.name", Topics.DEAD_LETTER)
                .doesNotContainKey("apicurio.registry.url");
    }

    @Test
    void securityAndClientSettingsPassThroughToStreams() {
        Properties props = config(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "producer.compression.type", "zstd",
                "num.stream.threads", "4")).streamsProperties();

        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("producer.compression.type", "zstd")
                .containsEntry("num.stream.threads", "4")
                .containsKey("sasl.jaas.config");
    }

    @Test
    void writesGzipWhichEveryClientDecodesUnlessTheOperatorChoosesACodec() {
        assertThat(config(Map.of()).streamsProperties()).containsEntry("producer.compression.type", "gzip");
        assertThat(config(Map.of("compression.type", "zstd")).streamsProperties())
                .containsEntry("compression.type", "zstd").doesNotContainKey("producer.compression.type");
    }

    @Test
    void aDeadMembersPartitionsWaitTenSecondsNotFortyFive() {
        assertThat(config(Map.of()).streamsProperties()).containsEntry("session.timeout.ms", 10_000);
        assertThat(config(Map.of("session.timeout.ms", "30000")).streamsProperties())
                .containsEntry("session.timeout.ms", "30000");
    }

    @Test
    void anInstanceNamedByItsOperatorIsAStaticMember() {
        assertThat(config(Map.of("enrichment.instance.id", "enrich-0")).streamsProperties())
                .containsEntry("group.instance.id", "enrich-0");
        // The default name has a random part, new at every start: as a static member it would gain nothing.
        assertThat(config(Map.of()).streamsProperties()).doesNotContainKey("group.instance.id");
    }

    @Test
    void theStreamsRebalanceProtocolGetsNeitherSessionTimeoutNorStaticMembership() {
        Properties props = config(Map.of("group.protocol", "streams", "enrichment.instance.id", "enrich-0"))
                .streamsProperties();

        assertThat(props).doesNotContainKeys("session.timeout.ms", "group.instance.id");
        // Kafka Streams 4.3 refuses group.instance.id with this protocol; the app's settings must pass.
        assertThat(new org.apache.kafka.streams.StreamsConfig(props).getString("group.protocol")).isEqualTo("streams");
    }

    @Test
    void weakerProcessingGuaranteeIsRefused() {
        assertThatThrownBy(() -> config(Map.of("processing.guarantee", "at_least_once")).streamsProperties())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("exactly_once_v2");
    }

    @Test
    void environmentVariablesOverrideThePropertiesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("enrichment.properties");
        Files.writeString(file, """
                bootstrap.servers=file-broker:9092
                apicurio.registry.url=http://file-registry/apis/registry/v3
                num.stream.threads=2
                """);

        EnrichmentConfig config = EnrichmentConfig.load(file, Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", "env-broker:9092",
                "NEWSFLOW_APICURIO_REGISTRY_RETRY___COUNT", "7",
                "NEWSFLOW_CONSUMER_MAX_POLL_RECORDS", "50",
                "PATH", "/usr/bin"));

        assertThat(config.streamsProperties())
                .containsEntry("bootstrap.servers", "env-broker:9092")
                .containsEntry("num.stream.threads", "2")
                .containsEntry("consumer.max.poll.records", "50")
                .doesNotContainKey("path");
        assertThat(config.serdeConfigs())
                .containsEntry("apicurio.registry.url", "http://file-registry/apis/registry/v3")
                .containsEntry("apicurio.registry.retry-count", "7");
    }

    @Test
    void doubleUnderscoreSpellsAnUnderscore() {
        assertThat(EnrichmentConfig.fromEnvironment(Map.of("NEWSFLOW_SOME__KEY_NAME", "v")))
                .containsEntry("some_key.name", "v");
    }

    private static EnrichmentConfig config(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.putAll(extra);
        return new EnrichmentConfig(settings);
    }
}
