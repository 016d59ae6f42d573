package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * CONFIG.md is generated from {@link NewsSinkConfig#CONFIG_DEF}, so the documentation cannot drift from the code.
 * After changing a setting, regenerate it with {@code ./mvnw -pl sink-connector test -Dtest=ConfigDocsTest
 * -Dnewsflow.updateDocs=true} and commit the result.
 */
class ConfigDocsTest {

    private static final Path COMMITTED = Path.of("CONFIG.md");

    @Test
    void committedConfigDocsMatchTheConfigDef() throws Exception {
        String generated = markdown(NewsSinkConfig.CONFIG_DEF);
        if (Boolean.getBoolean("newsflow.updateDocs")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "")
                .as("CONFIG.md is out of date; regenerate it with -Dnewsflow.updateDocs=true")
                .isEqualTo(generated);
    }

    static String markdown(ConfigDef definition) {
        StringBuilder md = new StringBuilder("""
                # newsflow sink connector settings

                Generated from `NewsSinkConfig.CONFIG_DEF` by `ConfigDocsTest`; do not edit by hand.
                Besides these, the connector takes Kafka Connect's own sink settings (`topics`, `tasks.max`,
                `errors.*`, converters); see README.md for a complete example.
                """);
        definition.configKeys().values().stream()
                .sorted(Comparator.comparing((ConfigDef.ConfigKey k) -> k.group).thenComparingInt(k -> k.orderInGroup))
                .forEach(key -> md.append("\n## `").append(key.name).append("`\n\n")
                        .append(key.documentation).append("\n\n")
                        .append("- Type: ").append(key.type.name().toLowerCase()).append('\n')
                        .append("- Default: ").append(defaultValue(key)).append('\n')
                        .append(key.validator == null ? "" : "- Valid values: " + key.validator + "\n")
                        .append("- Importance: ").append(key.importance.name().toLowerCase()).append('\n')
                        .append("- Group: ").append(key.group).append('\n'));
        return md.toString();
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "none (required)";
        }
        if (key.defaultValue == null) {
            return "null";
        }
        String value = ConfigDef.convertToString(key.defaultValue, key.type);
        return value.isEmpty() ? "\"\" (empty)" : "`" + value + "`";
    }
}
