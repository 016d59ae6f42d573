package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static final Map<String, Object> REQUIRED = Map.of(
            "bootstrap.servers", "broker:9092",
            "apicurio.registry.url", "http://registry:8080/apis/registry/v3");

    @Test
    void everyKafkaClientSettingReachesTheProducer() {
        IngestConfig config = config(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "linger.ms", "5"));

        assertThat(config.producerConfigs())
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("linger.ms", "5")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .doesNotContainKeys(IngestConfig.MAX_STORY_BYTES_CONFIG, "apicurio.registry.url");
    }

    @Test
    void registrySettingsReachTheSerializerOnly() {
        IngestConfig config = config(Map.of("apicurio.registry.retry-count", "7"));

        assertThat(config.serializerConfigs())
                .containsEntry("apicurio.registry.url", "http://registry:8080/apis/registry/v3")
                .containsEntry("apicurio.registry.retry-count", "7");
        assertThat(config.producerConfigs()).doesNotContainKey("apicurio.registry.retry-count");
    }

    @Test
    void weakerDeliverySettingsAreRefused() {
        assertThatThrownBy(() -> config(Map.of("acks", "1")).producerConfigs())
                .isInstanceOf(ConfigException.class).hasMessageContaining("acks");
        assertThatThrownBy(() -> config(Map.of("enable.idempotence", "false")).producerConfigs())
                .isInstanceOf(ConfigException.class).hasMessageContaining("enable.idempotence");
        assertThat(config(Map.of("acks", "-1")).producerConfigs()).containsEntry("acks", "-1");
    }

    @Test
    void storySizeLimitIsValidated() {
        assertThat(config(Map.of()).maxStoryBytes()).isEqualTo(IngestConfig.MAX_STORY_BYTES_DEFAULT);
        assertThatThrownBy(() -> config(Map.of(IngestConfig.MAX_STORY_BYTES_CONFIG, "0")))
                .isInstanceOf(ConfigException.class);
    }

    private static IngestConfig config(Map<String, Object> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(REQUIRED);
        settings.putAll(extra);
        return new IngestConfig(settings);
    }
}
