package io.newsflow.ingest;

import io.newsflow.ops.OpsPublisher;
import io.newsflow.schemas.RegistrySerdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Settings of the ingest stage. The few declared here are the stage's own; every other key is handed unchanged to
 * the Kafka producer (so {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, {@code linger.ms} and the rest
 * work as documented by Kafka), and {@code apicurio.*} keys go to the registry serializer.
 */
public final class IngestConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS_CONFIG = ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to publish to.";

    public static final String REGISTRY_URL_CONFIG = RegistrySerdes.REGISTRY_URL;
    private static final String REGISTRY_URL_DOC = "The Apicurio registry's v3 API, e.g. http://localhost:8081/apis/registry/v3.";

    public static final String MAX_STORY_BYTES_CONFIG = "ingest.max.story.bytes";
    public static final int MAX_STORY_BYTES_DEFAULT = 1024 * 1024;
    private static final String MAX_STORY_BYTES_DOC = "A story file larger than this is rejected unread.";

    public static final String INSTANCE_ID_CONFIG = "ingest.instance.id";
    private static final String INSTANCE_ID_DOC = "Names this process in its ops reports on news.ops; default: the "
            + "host name and a random suffix.";

    public static final String OPS_INTERVAL_MS_CONFIG = "ingest.ops.interval.ms";
    public static final long OPS_INTERVAL_MS_DEFAULT = 5_000;
    private static final String OPS_INTERVAL_MS_DOC = "How often the stage publishes an OpsEvent to news.ops.";

    static final String OWN_PREFIX = "ingest.";
    static final String REGISTRY_PREFIX = RegistrySerdes.PREFIX;

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, REGISTRY_URL_DOC)
            .define(MAX_STORY_BYTES_CONFIG, Type.INT, MAX_STORY_BYTES_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, MAX_STORY_BYTES_DOC)
            .define(INSTANCE_ID_CONFIG, Type.STRING, null, Importance.LOW, INSTANCE_ID_DOC)
            .define(OPS_INTERVAL_MS_CONFIG, Type.LONG, OPS_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(100),
                    Importance.LOW, OPS_INTERVAL_MS_DOC);

    /**
     * Throughput defaults for many small records; any of them can be overridden. Idempotence and acks are not
     * defaults but the contract (see {@link #producerConfigs()}).
     */
    private static final Map<String, Object> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest",
            ProducerConfig.LINGER_MS_CONFIG, 20,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");

    public IngestConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    public int maxStoryBytes() {
        return getInt(MAX_STORY_BYTES_CONFIG);
    }

    public String instanceId() {
        String configured = getString(INSTANCE_ID_CONFIG);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return OpsPublisher.defaultInstanceId();
    }

    public Duration opsInterval() {
        return Duration.ofMillis(getLong(OPS_INTERVAL_MS_CONFIG));
    }

    /**
     * The producer's settings: the defaults above, then every key the user gave that is not the stage's own.
     * A story published twice because of a retry would be a duplicate downstream, and one acknowledged by a
     * single replica can be lost, so {@code enable.idempotence=true} and {@code acks=all} are enforced: a
     * contradicting setting is a configuration error rather than a silent downgrade.
     */
    public Map<String, Object> producerConfigs() {
        Map<String, Object> configs = new HashMap<>(PRODUCER_DEFAULTS);
        originals().forEach((key, value) -> {
            if (!key.startsWith(OWN_PREFIX) && !key.startsWith(REGISTRY_PREFIX)) {
                configs.put(key, value);
            }
        });
        require(configs, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", Set.of("true"));
        require(configs, ProducerConfig.ACKS_CONFIG, "all", Set.of("all", "-1"));
        configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return configs;
    }

    /** The registry serializer's settings: the pipeline's defaults, overridden by any {@code apicurio.*} key given. */
    public Map<String, Object> serializerConfigs() {
        return RegistrySerdes.config(originals());
    }

    private static void require(Map<String, Object> configs, String key, String required, Set<String> accepted) {
        Object given = configs.putIfAbsent(key, required);
        if (given != null && !accepted.contains(String.valueOf(given).strip().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(key, given, "the ingest stage publishes with " + key + "=" + required);
        }
    }
}
