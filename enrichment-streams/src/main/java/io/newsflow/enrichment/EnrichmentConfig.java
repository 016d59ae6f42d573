package io.newsflow.enrichment;

import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * Settings of the enrichment app. The keys declared here are the app's own; {@code apicurio.*} keys go to the
 * registry serdes; every other key goes unchanged to Kafka Streams and through it to its clients (so
 * {@code security.protocol}, {@code sasl.jaas.config}, {@code ssl.truststore.location}, {@code num.stream.threads},
 * {@code producer.*}/{@code consumer.*} prefixes and the rest work as Kafka documents them).
 *
 * <p>Settings come from a properties file and from environment variables, the latter winning: {@code NEWSFLOW_}
 * followed by the key in upper case with {@code .} written {@code _}, {@code _} written {@code __} and {@code -}
 * written {@code ___} (the convention of Confluent's images), e.g. {@code NEWSFLOW_BOOTSTRAP_SERVERS} or
 * {@code NEWSFLOW_APICURIO_REGISTRY_URL}.
 */
public final class EnrichmentConfig extends AbstractConfig {

    public static final String ENV_PREFIX = "NEWSFLOW_";

    public static final String BOOTSTRAP_SERVERS_CONFIG = StreamsConfig.BOOTSTRAP_SERVERS_CONFIG;
    public static final String REGISTRY_URL_CONFIG = RegistrySerdes.REGISTRY_URL;
    public static final String APPLICATION_ID_DEFAULT = "newsflow-enrichment";

    static final String OWN_PREFIX = "enrichment.";
    static final String REGISTRY_PREFIX = "apicurio.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Kafka brokers of the pipeline.")
            .define(REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The Apicurio registry's v3 API, e.g. http://localhost:8081/apis/registry/v3.");

    public EnrichmentConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    /** Settings from {@code propertiesFile} (when not null), overridden by {@code NEWSFLOW_*} variables in {@code env}. */
    public static EnrichmentConfig load(Path propertiesFile, Map<String, String> env) throws IOException {
        Map<String, Object> settings = new HashMap<>();
        if (propertiesFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            }
            file.stringPropertyNames().forEach(key -> settings.put(key, file.getProperty(key)));
        }
        settings.putAll(fromEnvironment(env));
        return new EnrichmentConfig(settings);
    }

    /** The settings named by {@code NEWSFLOW_*} variables, as configuration keys. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                settings.put(keyOf(name.substring(ENV_PREFIX.length())), value);
            }
        });
        return settings;
    }

    private static String keyOf(String variable) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < variable.length(); ) {
            int run = 0;
            while (i + run < variable.length() && variable.charAt(i + run) == '_') {
                run++;
            }
            if (run == 0) {
                key.append(Character.toLowerCase(variable.charAt(i)));
                i++;
                continue;
            }
            key.append(switch (run) {
                case 1 -> ".";
                case 2 -> "_";
                case 3 -> "-";
                default -> throw new ConfigException("environment variable " + ENV_PREFIX + variable
                        + " has a run of " + run + " underscores, which names no key");
            });
            i += run;
        }
        return key.toString();
    }

    /**
     * The Kafka Streams configuration: the app's defaults, then every setting given that is not the app's own.
     * Failed records go to {@link Topics#DEAD_LETTER} through KIP-1034: the stock log-and-continue handlers build
     * the dead-letter record (source key and value bytes, headers naming the exception and the source topic,
     * partition and offset) whenever {@code errors.dead.letter.queue.topic.name} is set, and Streams writes it in
     * the same transaction as the offsets, so a dead letter is never lost nor written twice.
     */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID_DEFAULT);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        originals().forEach((key, value) -> {
            if (!key.startsWith(OWN_PREFIX) && !key.startsWith(REGISTRY_PREFIX)) {
                props.put(key, value);
            }
        });
        // Downstream readers rely on each raw record producing its enriched record exactly once.
        Object guarantee = props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        if (guarantee != null && !StreamsConfig.EXACTLY_ONCE_V2.equals(String.valueOf(guarantee).strip().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee,
                    "the enrichment app runs with " + StreamsConfig.EXACTLY_ONCE_V2 + " only");
        }
        return props;
    }

    /** The registry serdes' settings: the pipeline's defaults, overridden by any {@code apicurio.*} key given. */
    public Map<String, Object> serdeConfigs() {
        Map<String, Object> configs = RegistrySerdes.config(getString(REGISTRY_URL_CONFIG));
        originals().forEach((key, value) -> {
            if (key.startsWith(REGISTRY_PREFIX)) {
                configs.put(key, value);
            }
        });
        return configs;
    }
}
