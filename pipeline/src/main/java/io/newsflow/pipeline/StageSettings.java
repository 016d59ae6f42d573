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
        return settings;
    }

    /** Variables that configure the command itself rather than a stage. */
    private static boolean isLauncherVariable(String name) {
        return name.startsWith("NEWSFLOW_LOG_") || name.startsWith("NEWSFLOW_ROOT_LOG_")
                || name.startsWith("NEWSFLOW_REGISTRY_") || name.startsWith("NEWSFLOW_TEST_");
    }
}
