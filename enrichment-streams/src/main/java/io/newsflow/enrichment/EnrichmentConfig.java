package io.newsflow.enrichment;

import io.newsflow.ops.OpsPublisher;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

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

    public static final String DEDUP_WINDOW_MS_CONFIG = "enrichment.dedup.window.ms";
    public static final long DEDUP_WINDOW_MS_DEFAULT = Duration.ofHours(24).toMillis();
    private static final String DEDUP_WINDOW_MS_DOC = "A record with the id and content hash of the last version "
            + "enriched, arriving within this time of it (by record timestamp), is a re-delivery and is dropped.";

    public static final String DEDUP_RETENTION_MS_CONFIG = "enrichment.dedup.retention.ms";
    public static final long DEDUP_RETENTION_MS_DEFAULT = Duration.ofDays(7).toMillis();
    private static final String DEDUP_RETENTION_MS_DOC = "How long the app remembers an article's last version "
            + "(to drop late older versions); by default as long as news.raw keeps records.";

    public static final String MAX_ARTICLE_CHARS_CONFIG = "enrichment.max.article.chars";
    public static final int MAX_ARTICLE_CHARS_DEFAULT = 200_000;
    private static final String MAX_ARTICLE_CHARS_DOC = "An article whose headline and body are longer than this "
            + "(in UTF-16 chars) goes to the dead-letter topic instead of the extraction library.";

    public static final String EXTRACTION_TIMEOUT_MS_CONFIG = "enrichment.extraction.timeout.ms";
    public static final long EXTRACTION_TIMEOUT_MS_DEFAULT = 5_000;
    private static final String EXTRACTION_TIMEOUT_MS_DOC = "Time budget of one article's extraction; an article "
            + "that takes longer goes to the dead-letter topic. The extraction checks it between its stages, on the "
            + "stream thread. Keep it well under transaction.timeout.ms. 0 turns the budget off.";

    public static final String REGISTRY_RETRY_TIMEOUT_MS_CONFIG = "enrichment.registry.retry.timeout.ms";
    public static final long REGISTRY_RETRY_TIMEOUT_MS_DEFAULT = Duration.ofMinutes(2).toMillis();
    private static final String REGISTRY_RETRY_TIMEOUT_MS_DOC = "How long a stream thread waits, retrying with "
            + "backoff, for an unreachable schema registry before it fails and is replaced. Keep it under "
            + "max.poll.interval.ms. Records are never dead-lettered for an outage.";

    static final int COMMIT_INTERVAL_MS_DEFAULT = 1_000;
    static final int SESSION_TIMEOUT_MS_DEFAULT = 10_000;
    static final int PRODUCER_BATCH_SIZE_DEFAULT = 512 * 1024;
    static final String PRODUCER_COMPRESSION_DEFAULT = "gzip";

    public static final String OPS_INTERVAL_MS_CONFIG = "enrichment.ops.interval.ms";
    public static final long OPS_INTERVAL_MS_DEFAULT = 5_000;
    private static final String OPS_INTERVAL_MS_DOC = "How often the instance publishes an OpsEvent to news.ops.";

    public static final String INSTANCE_ID_CONFIG = "enrichment.instance.id";
    private static final String INSTANCE_ID_DOC = "Names this instance in its ops reports. Default: the host name "
            + "(a pod's name on Kubernetes) and a random suffix. When set, it is also the instance's "
            + "group.instance.id (static membership): give each instance its own, stable name.";

    static final String OWN_PREFIX = "enrichment.";
    static final String REGISTRY_PREFIX = RegistrySerdes.PREFIX;
    /** Hands the instance's counters to the exception handlers, which Streams creates from class names. */
    static final String METRICS_CONFIG = "newsflow.enrichment.metrics";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Kafka brokers of the pipeline.")
            .define(REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The Apicurio registry's v3 API, e.g. http://localhost:8081/apis/registry/v3.")
            .define(DEDUP_WINDOW_MS_CONFIG, Type.LONG, DEDUP_WINDOW_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM, DEDUP_WINDOW_MS_DOC)
            .define(DEDUP_RETENTION_MS_CONFIG, Type.LONG, DEDUP_RETENTION_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.LOW, DEDUP_RETENTION_MS_DOC)
            .define(MAX_ARTICLE_CHARS_CONFIG, Type.INT, MAX_ARTICLE_CHARS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, MAX_ARTICLE_CHARS_DOC)
            .define(EXTRACTION_TIMEOUT_MS_CONFIG, Type.LONG, EXTRACTION_TIMEOUT_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM, EXTRACTION_TIMEOUT_MS_DOC)
            .define(REGISTRY_RETRY_TIMEOUT_MS_CONFIG, Type.LONG, REGISTRY_RETRY_TIMEOUT_MS_DEFAULT,
                    ConfigDef.Range.atLeast(0), Importance.LOW, REGISTRY_RETRY_TIMEOUT_MS_DOC)
            .define(OPS_INTERVAL_MS_CONFIG, Type.LONG, OPS_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(100),
                    Importance.LOW, OPS_INTERVAL_MS_DOC)
            .define(INSTANCE_ID_CONFIG, Type.STRING, null, Importance.LOW, INSTANCE_ID_DOC);

    public EnrichmentConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    public Duration dedupWindow() {
        return Duration.ofMillis(getLong(DEDUP_WINDOW_MS_CONFIG));
    }

    public Duration dedupRetention() {
        return Duration.ofMillis(getLong(DEDUP_RETENTION_MS_CONFIG));
    }

    public int maxArticleChars() {
        return getInt(MAX_ARTICLE_CHARS_CONFIG);
    }

    public Duration extractionTimeout() {
        return Duration.ofMillis(getLong(EXTRACTION_TIMEOUT_MS_CONFIG));
    }

    public Duration registryRetryTimeout() {
        return Duration.ofMillis(getLong(REGISTRY_RETRY_TIMEOUT_MS_CONFIG));
    }

    public Duration opsInterval() {
        return Duration.ofMillis(getLong(OPS_INTERVAL_MS_CONFIG));
    }

    public String instanceId() {
        String configured = getString(INSTANCE_ID_CONFIG);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return OpsPublisher.defaultInstanceId();
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
     * Failed records go to {@link Topics#DEAD_LETTER} through KIP-1034: {@link DeadLetterProcessingHandler} builds
     * the dead-letter record (source key and value bytes, headers naming the reason, the exception and the source
     * topic, partition and offset) whenever {@code errors.dead.letter.queue.topic.name} is set, and Streams writes it
     * in the same transaction as the offsets, so a dead letter is never lost nor written twice.
     */
    public Properties streamsProperties() {
        return streamsProperties(new EnrichmentMetrics());
    }

    Properties streamsProperties(EnrichmentMetrics metrics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID_DEFAULT);
        // Internal topics are named after their stores; a rename would silently start an empty changelog.
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        originals().forEach((key, value) -> {
            if (!key.startsWith(OWN_PREFIX) && !key.startsWith(REGISTRY_PREFIX)) {
                props.put(key, value);
            }
        });
        // Throughput defaults (EnrichmentBenchmark, docs/benchmarks.md): each exactly-once commit blocks the stream
        // thread on a flush and a transaction round trip, and 16 KB batches hold two or three enriched articles. A
        // commit a second (Streams' exactly-once default is 100 ms) means read_committed consumers see results up to
        // a second later, which news can afford. Both remain the operator's to override.
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS_DEFAULT);
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_SIZE_DEFAULT);
        // news.enriched is stored gzip, the one codec every client decodes without plugins (kafkajs reads no
        // other); a producer that sends it so spares the broker re-compressing each batch. See Topics.
        if (!props.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG),
                    PRODUCER_COMPRESSION_DEFAULT);
        }
        if (classicGroupProtocol(props)) {
            // A member that dies without leaving (killed, its host lost) keeps its partitions, unprocessed, until its
            // session expires: Kafka's 45 s stalled them about 48 s. Heartbeats go out from the consumer's own
            // thread, every 3 s, while a record is enriched or the registry waited for, so a shorter session only
            // catches instances that are dead or cut off; 10 s is the classic protocol's old default.
            props.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS_DEFAULT);
            // Static membership: an instance that restarts under the same name within its session gets its
            // partitions back without a rebalance. Only a name the operator chose is stable across restarts, and
            // the same name twice in a group fences the older instance, so the random default is not used.
            String named = getString(INSTANCE_ID_CONFIG);
            if (named != null && !named.isBlank()) {
                props.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, named.strip());
            }
        }
        // Downstream readers rely on each raw record producing its enriched record exactly once.
        Object guarantee = props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        if (guarantee != null && !StreamsConfig.EXACTLY_ONCE_V2.equals(String.valueOf(guarantee).strip().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee,
                    "the enrichment app runs with " + StreamsConfig.EXACTLY_ONCE_V2 + " only");
        }
        props.put(METRICS_CONFIG, metrics);
        return props;
    }

    /**
     * The streams rebalance protocol (KIP-1071) takes neither setting: its session timeout is the broker's group
     * setting, and Kafka 4.3 refuses static membership with it.
     */
    private static boolean classicGroupProtocol(Properties props) {
        Object protocol = props.getOrDefault(StreamsConfig.GROUP_PROTOCOL_CONFIG, StreamsConfig.DEFAULT_GROUP_PROTOCOL);
        return StreamsConfig.DEFAULT_GROUP_PROTOCOL.equalsIgnoreCase(String.valueOf(protocol).strip());
    }

    static EnrichmentMetrics metricsFrom(Map<String, ?> configs) {
        Object metrics = configs.get(METRICS_CONFIG);
        if (!(metrics instanceof EnrichmentMetrics m)) {
            throw new ConfigException(METRICS_CONFIG, metrics, "build the Streams configuration with "
                    + "EnrichmentConfig.streamsProperties(), which hands the handlers the instance's counters");
        }
        return m;
    }

    /** The registry serdes' settings: the pipeline's defaults, overridden by any {@code apicurio.*} key given. */
    public Map<String, Object> serdeConfigs() {
        return RegistrySerdes.config(originals());
    }
}
