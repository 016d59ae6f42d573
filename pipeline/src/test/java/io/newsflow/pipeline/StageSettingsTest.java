package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageSettingsTest {

    @TempDir
    Path dir;

    @Test
    void secretsComeFromTheFilesTheSettingsReferToAndTheProviderDeclarationsAreGone() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "kafka.password=s3cr3t-kafka\ntruststore.password=s3cr3t-trust\n");
        Path settings = dir.resolve("stage.properties");
        Files.writeString(settings, String.join("\n",
                "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"newsflow\" "
                        + "password=\"${file:" + secrets + ":kafka.password}\";",
                "apicurio.registry.tls.truststore.password=${file:" + secrets + ":truststore.password}",
                "bootstrap.servers=broker:9093", ""));

        Map<String, Object> loaded = StageSettings.load(settings, Map.of(), Map.of());

        assertThat(loaded).containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"newsflow\" password=\"s3cr3t-kafka\";")
                .containsEntry("apicurio.registry.tls.truststore.password", "s3cr3t-trust")
                .containsEntry("bootstrap.servers", "broker:9093")
                .doesNotContainKeys("config.providers", "config.providers.file.class");
    }

    @Test
    void aReferenceNoProviderResolvesIsAnErrorNamingTheSetting() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "kafka.password=s3cr3t-kafka\n");

        assertThatThrownBy(() -> StageSettings.load(null, Map.of(), Map.of(
                "config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider",
                "apicurio.registry.tls.truststore.password", "${file:" + secrets + ":no.such.key}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("apicurio.registry.tls.truststore.password")
                .hasMessageContaining("no config provider resolved");
        assertThatThrownBy(() -> StageSettings.load(null, Map.of(), Map.of(
                "ssl.truststore.password", "${env:NEWSFLOW_NO_PROVIDER_DECLARED}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.truststore.password");
    }
}
