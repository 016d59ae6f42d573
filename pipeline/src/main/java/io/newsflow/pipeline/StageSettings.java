package io.newsflow.pipeline;

import io.newsflow.enrichment.EnrichmentConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;

/**
 * A stage's settings, layered: a properties file, then {@code NEWSFLOW_*} environment variables (named as
 * {@link EnrichmentConfig#fromEnvironment} describes), then {@code --set key=value} flags, so every Kafka client and
 * registry setting can come from the environment of a container without a file.
 */
final class StageSettings {

    private StageSettings() {
    }

    static Map<String, Object> load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read settings file " + file, e);
            }
            properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        }
        Map<String, String> stageVariables = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (!isLauncherVariable(name)) {
                stageVariables.put(name, value);
            }
        });
        settings.putAll(EnrichmentConfig.fromEnvironment(stageVariables));
        settings.putAll(overrides);
        return resolveConfigProviders(settings);
    }

    /**
     * The settings with every {@code ${provider:path:key}} reference replaced through the config providers they
     * declare ({@code config.providers=file}, {@code config.providers.file.class=...}), so that a secret stays in its
     * file or variable and every client and registry setting sees its value: Kafka's clients resolve such references
     * themselves only where {@code org.apache.kafka.automatic.config.providers} allows, and the registry client never
     * does. Resolved here as a Connect worker resolves its own configuration, written by the same operator; the
     * declarations are then dropped, so no client resolves again.
     *
     * @throws ConfigException when a reference is left unresolved: its provider is not declared, or has no such value
     */
    static Map<String, Object> resolveConfigProviders(Map<String, Object> settings) {
        Map<String, Object> resolved = new LinkedHashMap<>(settings.containsKey(AbstractConfig.CONFIG_PROVIDERS_CONFIG)
                ? new AbstractConfig(new ConfigDef(), settings, settings, false).originals() : settings);
        resolved.keySet().removeIf(key -> key.equals(AbstractConfig.CONFIG_PROVIDERS_CONFIG)
                || key.startsWith(AbstractConfig.CONFIG_PROVIDERS_CONFIG + "."));
        resolved.forEach((key, value) -> {
            if (value instanceof String text && ConfigTransformer.DEFAULT_PATTERN.matcher(text).find()) {
                // The value is a reference, not a secret: naming it tells the operator what to fix.
                throw new ConfigException(key, text, "no config provider resolved this reference: declare the "
                        + "provider with " + AbstractConfig.CONFIG_PROVIDERS_CONFIG + ", and check the path and key");
            }
        });
        return resolved;
    }

    /** Variables that configure the command itself rather than a stage. */
    private static boolean isLauncherVariable(String name) {
        return name.startsWith("NEWSFLOW_LOG_") || name.startsWith("NEWSFLOW_ROOT_LOG_")
                || name.startsWith("NEWSFLOW_REGISTRY_") || name.startsWith("NEWSFLOW_TEST_");
    }
}
