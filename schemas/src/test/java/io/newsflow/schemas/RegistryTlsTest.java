package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTlsTest {

    private static final String URL = "https://registry:8443/apis/registry/v3";

    @TempDir
    Path dir;

    @Test
    void turningCertificateChecksOffIsRefused() {
        assertThatThrownBy(() -> SchemaRegistration.forClientConfig(Map.of(RegistrySerdes.REGISTRY_URL, URL,
                "apicurio.registry.tls.trust-all", "true")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("apicurio.registry.tls.trust-all");
        assertThatThrownBy(() -> SchemaRegistration.forClientConfig(Map.of(RegistrySerdes.REGISTRY_URL, URL,
                "apicurio.registry.tls.verify-host", "false")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("apicurio.registry.tls.verify-host");
    }

    @Test
    void aTruststoreThatWillNotOpenNamesTheFileAndNotThePassword() throws Exception {
        Path truststore = dir.resolve("truststore.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(truststore)) {
            store.store(out, "right-password".toCharArray());
        }

        assertThatThrownBy(() -> SchemaRegistration.forClientConfig(Map.of(RegistrySerdes.REGISTRY_URL, URL,
                "apicurio.registry.tls.truststore.type", "PKCS12",
                "apicurio.registry.tls.truststore.location", truststore.toString(),
                "apicurio.registry.tls.truststore.password", "wrong-password")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(truststore.toString())
                .message().doesNotContain("wrong-password");
        assertThat(SchemaRegistration.forClientConfig(Map.of(RegistrySerdes.REGISTRY_URL, URL,
                "apicurio.registry.tls.truststore.type", "PKCS12",
                "apicurio.registry.tls.truststore.location", truststore.toString(),
                "apicurio.registry.tls.truststore.password", "right-password"))).isNotNull();
    }
}
