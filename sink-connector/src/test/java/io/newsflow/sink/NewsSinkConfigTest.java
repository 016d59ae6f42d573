package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.store.Database;
import io.newsflow.store.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class NewsSinkConfigTest {

    @Test
    void theUrlSelectsTheDialect() {
        assertThat(Database.of("jdbc:postgresql://db:5432/news").dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Database.of("jdbc:sqlite:/var/lib/news.db").dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(Database.of("news.db").dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void aPlainPathBecomesAnAbsoluteSqliteUrl() {
        assertThat(Database.of("data/news.db").url())
                .isEqualTo("jdbc:sqlite:" + Path.of("data/news.db").toAbsolutePath());
    }

    @Test
    void otherDatabasesAreRefusedWhenTheConfigIsValidated() {
        assertThatThrownBy(() -> new NewsSinkConfig(Map.of(NewsSinkConfig.REGISTRY_URL, "http://r",
                NewsSinkConfig.CONNECTION_URL, "jdbc:mysql://db/news")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unsupported database URL jdbc:mysql://db/news");
    }

    @Test
    void opsSettingsReachTheReportsProducerWithoutTheirPrefix() {
        NewsSinkConfig config = new NewsSinkConfig(Map.of(NewsSinkConfig.REGISTRY_URL, "https://r/apis/registry/v3",
                NewsSinkConfig.OPS_BOOTSTRAP_SERVERS, "broker:9093", "ops.security.protocol", "SASL_SSL",
                "ops.sasl.mechanism", "SCRAM-SHA-512", NewsSinkConfig.OPS_REPORT_INTERVAL_MS, "1000",
                NewsSinkConfig.OPS_TOPIC, "news.ops", "security.protocol", "PLAINTEXT"));

        assertThat(config.opsProducerConfigs()).containsOnly(Map.entry("bootstrap.servers", "broker:9093"),
                Map.entry("security.protocol", "SASL_SSL"), Map.entry("sasl.mechanism", "SCRAM-SHA-512"));
    }

    @Test
    void registrySettingsReachTheRegistryClient() {
        NewsSinkConfig config = new NewsSinkConfig(Map.of(NewsSinkConfig.REGISTRY_URL, "https://r/apis/registry/v3",
                "apicurio.registry.tls.truststore.location", "/etc/newsflow/truststore.p12",
                "ops.bootstrap.servers", "broker:9093"));

        assertThat(config.registryConfigs())
                .containsEntry("apicurio.registry.url", "https://r/apis/registry/v3")
                .containsEntry("apicurio.registry.tls.truststore.location", "/etc/newsflow/truststore.p12")
                .doesNotContainKey("ops.bootstrap.servers");
    }

    @Test
    void theTablePrefixCannotCarrySql() {
        assertThatThrownBy(() -> new NewsSinkConfig(Map.of(NewsSinkConfig.REGISTRY_URL, "http://r",
                NewsSinkConfig.TABLE_PREFIX, "x; DROP TABLE articles; --")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("table.prefix");
    }

    @Test
    void thePasswordIsHiddenWhenTheConfigIsPrinted() {
        NewsSinkConfig config = new NewsSinkConfig(Map.of(NewsSinkConfig.REGISTRY_URL, "http://r",
                NewsSinkConfig.CONNECTION_PASSWORD, "s3cret"));

        assertThat(config.values().toString()).doesNotContain("s3cret");
        assertThat(config.getPassword(NewsSinkConfig.CONNECTION_PASSWORD).value()).isEqualTo("s3cret");
    }

    @Test
    void theFormerMetricsEndpointSettingsAreRefusedWithWhatToUseInstead() {
        Map<String, String> config = Map.of(NewsSinkConfig.REGISTRY_URL, "http://r",
                NewsSinkConfig.CONNECTION_URL, "news.db", "metrics.port", "9466");

        List<String> errors = new NewsSinkConnector().validate(config).configValues().stream()
                .flatMap(value -> value.errorMessages().stream().map(message -> value.name() + ": " + message))
                .toList();

        assertThat(errors).singleElement().asString()
                .startsWith("metrics.port: no longer supported").contains("JMX exporter agent");
        assertThat(new NewsSinkConnector().validate(Map.of(NewsSinkConfig.REGISTRY_URL, "http://r",
                NewsSinkConfig.CONNECTION_URL, "news.db")).configValues())
                .allSatisfy(value -> assertThat(value.errorMessages()).isEmpty());
    }
}
