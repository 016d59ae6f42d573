package io.newsflow.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A stage's settings, layered: a properties file, then environment variables, then {@code --set key=value} flags.
 * An environment variable {@code NEWSFLOW_SECURITY_PROTOCOL} becomes the key {@code security.protocol} (as the
 * Kafka images map {@code KAFKA_*}), so every Kafka client and registry setting can come from the environment of a
 * container without a file.
 */
final class StageSettings {

    static final String ENV_PREFIX = "NEWSFLOW_";

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
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !isLauncherVariable(name)) {
                settings.put(keyOf(name), value);
            }
        });
        settings.putAll(overrides);
        return settings;
    }

    /** {@code NEWSFLOW_APICURIO_REGISTRY_URL} to {@code apicurio.registry.url}; a double underscore keeps a dash. */
    static String keyOf(String environmentName) {
        return environmentName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT)
                .replace("__", "-").replace('_', '.');
    }

    /** Variables that configure the command itself rather than a stage. */
    private static boolean isLauncherVariable(String name) {
        return name.startsWith("NEWSFLOW_LOG_") || name.startsWith("NEWSFLOW_ROOT_LOG_")
                || name.startsWith("NEWSFLOW_REGISTRY_") || name.startsWith("NEWSFLOW_TEST_");
    }
}
