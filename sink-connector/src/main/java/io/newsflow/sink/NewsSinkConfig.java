package io.newsflow.sink;

import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.store.Database;
import io.newsflow.store.Dialect;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The settings of {@link NewsSinkConnector}, declared once; {@code CONFIG.md} is generated from {@link #CONFIG_DEF}. */
public final class NewsSinkConfig extends AbstractConfig {

    private static final String GROUP_CONNECTION = "Connection";
    private static final String GROUP_WRITES = "Writes";
    private static final String GROUP_DECODING = "Decoding";
    private static final String GROUP_OPS = "Ops reports";

    public static final String CONNECTION_URL = "connection.url";
    public static final String CONNECTION_URL_DEFAULT = "newsflow.db";
    private static final String CONNECTION_URL_DOC = "Where articles are stored: a JDBC URL or a plain file path. "
            + "'jdbc:postgresql://host:port/db' selects PostgreSQL; 'jdbc:sqlite:PATH' or a plain path selects an "
            + "embedded SQLite file (relative paths resolve against the worker's working directory). The dialect "
            + "is detected from this URL.";

    public static final String CONNECTION_USER = "connection.user";
    private static final String CONNECTION_USER_DOC = "Database user; ignored by SQLite.";

    public static final String CONNECTION_PASSWORD = "connection.password";
    private static final String CONNECTION_PASSWORD_DOC = "Database password; ignored by SQLite. Never logged. Keep it "
            + "out of the connector configuration with a config provider, e.g. '${file:/etc/newsflow/db.properties:password}'.";

    public static final String BATCH_SIZE = "batch.size";
    public static final int BATCH_SIZE_DEFAULT = 500;
    private static final String BATCH_SIZE_DOC = "Most records written in one database transaction. A larger delivery "
            + "from the worker is written as several transactions, in order.";

    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 3000L;
    private static final String RETRY_BACKOFF_MS_DOC = "Wait after the first failed attempt to write a batch "
            + "transiently (database unreachable, restarting or busy, serialization failure, registry unreachable) "
            + "before the next attempt. Each further failed attempt doubles the wait, up to retry.backoff.max.ms. "
            + "The task keeps this time itself: the worker redelivers the batch at least once per "
            + "offset.flush.interval.ms, and a redelivery before the next attempt is due touches neither the "
            + "database nor the registry.";

    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final long RETRY_BACKOFF_MAX_MS_DEFAULT = 60_000L;
    private static final String RETRY_BACKOFF_MAX_MS_DOC = "Longest wait between two attempts while an outage "
            + "lasts, so that the sink notices the database is back within this time. A value below "
            + "retry.backoff.ms caps the first wait too.";

    public static final String RETRY_TIMEOUT_MS = "retry.timeout.ms";
    public static final long RETRY_TIMEOUT_MS_DEFAULT = -1L;
    private static final String RETRY_TIMEOUT_MS_DOC = "How long the task keeps retrying after the first failed "
            + "attempt of an outage: a last attempt is made when this time is up, and if it fails too the task "
            + "fails and waits for a restart through the worker's REST API. -1, the default, retries for as long "
            + "as the outage lasts; meanwhile the task reports itself DEGRADED and the worker keeps it RUNNING.";

    public static final String TABLE_PREFIX = "table.prefix";
    public static final String TABLE_PREFIX_DEFAULT = "";
    private static final String TABLE_PREFIX_DOC = "Prepended to every table and index name (including Flyway's "
            + "history table), so that several pipelines can share one database. Letters, digits and underscores.";

    public static final String REGISTRY_URL = "registry.url";
    private static final String REGISTRY_URL_DOC = "Apicurio Registry v3 API the record values were written against, "
            + "e.g. 'http://registry:8080/apis/registry/v3'. Values must arrive as bytes: set "
            + "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter. Every 'apicurio.*' key of the "
            + "connector goes to the registry client as the pipeline's serdes take it, e.g. "
            + "'apicurio.registry.tls.truststore.location' and '.password' for a registry served over HTTPS.";

    private static final String OPS_PREFIX = "ops.";
    public static final String OPS_BOOTSTRAP_SERVERS = "ops.bootstrap.servers";
    private static final String OPS_BOOTSTRAP_SERVERS_DOC = "Kafka brokers the tasks publish their OpsEvent reports "
            + "to, normally the worker's own bootstrap.servers (a task cannot read the worker's configuration). "
            + "Unset, the tasks publish no reports. Every other 'ops.*' key but ops.topic and ops.report.interval.ms "
            + "goes to their producer without the prefix, e.g. 'ops.security.protocol', 'ops.sasl.jaas.config'.";

    public static final String OPS_TOPIC = "ops.topic";
    public static final String OPS_TOPIC_DEFAULT = Topics.OPS;
    private static final String OPS_TOPIC_DOC = "Topic of the OpsEvent reports, shared with the other stages; the "
            + "values are written through the registry at registry.url.";

    public static final String OPS_REPORT_INTERVAL_MS = "ops.report.interval.ms";
    public static final long OPS_REPORT_INTERVAL_MS_DEFAULT = 5000L;
    private static final String OPS_REPORT_INTERVAL_MS_DOC = "How often each task publishes its OpsEvent report; "
            + "it publishes one more when it stops.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(CONNECTION_URL, Type.STRING, CONNECTION_URL_DEFAULT, new ConnectionUrlValidator(), Importance.HIGH,
                    CONNECTION_URL_DOC, GROUP_CONNECTION, 1, Width.LONG, "Database URL")
            .define(CONNECTION_USER, Type.STRING, null, Importance.HIGH,
                    CONNECTION_USER_DOC, GROUP_CONNECTION, 2, Width.MEDIUM, "Database user")
            .define(CONNECTION_PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                    CONNECTION_PASSWORD_DOC, GROUP_CONNECTION, 3, Width.MEDIUM, "Database password")
            .define(TABLE_PREFIX, Type.STRING, TABLE_PREFIX_DEFAULT, new TablePrefixValidator(), Importance.LOW,
                    TABLE_PREFIX_DOC, GROUP_CONNECTION, 4, Width.SHORT, "Table prefix")
            .define(BATCH_SIZE, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, 100_000), Importance.MEDIUM,
                    BATCH_SIZE_DOC, GROUP_WRITES, 1, Width.SHORT, "Batch size")
            .define(RETRY_BACKOFF_MS, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, Range.atLeast(0L), Importance.MEDIUM,
                    RETRY_BACKOFF_MS_DOC, GROUP_WRITES, 2, Width.SHORT, "Retry backoff (ms)")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, RETRY_BACKOFF_MAX_MS_DEFAULT, Range.atLeast(0L),
                    Importance.MEDIUM, RETRY_BACKOFF_MAX_MS_DOC, GROUP_WRITES, 3, Width.SHORT,
                    "Longest retry backoff (ms)")
            .define(RETRY_TIMEOUT_MS, Type.LONG, RETRY_TIMEOUT_MS_DEFAULT, Range.atLeast(-1L), Importance.MEDIUM,
                    RETRY_TIMEOUT_MS_DOC, GROUP_WRITES, 4, Width.SHORT, "Retry timeout (ms)")
            .define(REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    REGISTRY_URL_DOC, GROUP_DECODING, 1, Width.LONG, "Registry URL")
            .define(OPS_BOOTSTRAP_SERVERS, Type.STRING, null, Importance.MEDIUM,
                    OPS_BOOTSTRAP_SERVERS_DOC, GROUP_OPS, 1, Width.LONG, "Ops brokers")
            .define(OPS_TOPIC, Type.STRING, OPS_TOPIC_DEFAULT, new NonEmptyString(), Importance.LOW,
                    OPS_TOPIC_DOC, GROUP_OPS, 2, Width.MEDIUM, "Ops topic")
            .define(OPS_REPORT_INTERVAL_MS, Type.LONG, OPS_REPORT_INTERVAL_MS_DEFAULT, Range.atLeast(100L),
                    Importance.LOW, OPS_REPORT_INTERVAL_MS_DOC, GROUP_OPS, 3, Width.SHORT, "Ops report interval (ms)");

    public NewsSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    public Database database() {
        Password password = getPassword(CONNECTION_PASSWORD);
        return Database.of(getString(CONNECTION_URL), getString(CONNECTION_USER),
                password == null ? null : password.value(), getString(TABLE_PREFIX));
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS);
    }

    public long retryBackoffMaxMs() {
        return getLong(RETRY_BACKOFF_MAX_MS);
    }

    /** How long an outage the task rides out before it fails, or -1 for as long as it lasts. */
    public long retryTimeoutMs() {
        return getLong(RETRY_TIMEOUT_MS);
    }

    public String registryUrl() {
        return getString(REGISTRY_URL);
    }

    /** The brokers to publish ops reports to, or null when the tasks publish none. */
    public String opsBootstrapServers() {
        String servers = getString(OPS_BOOTSTRAP_SERVERS);
        return servers == null || servers.isBlank() ? null : servers;
    }

    /** The ops reports' producer: {@code ops.*} settings without the prefix, the sink's own ones left out. */
    public Map<String, Object> opsProducerConfigs() {
        Map<String, Object> producer = originalsWithPrefix(OPS_PREFIX);
        producer.remove(OPS_TOPIC.substring(OPS_PREFIX.length()));
        producer.remove(OPS_REPORT_INTERVAL_MS.substring(OPS_PREFIX.length()));
        return producer;
    }

    /** The registry client's settings: {@code registry.url}, then every {@code apicurio.*} key of the connector. */
    public Map<String, Object> registryConfigs() {
        Map<String, Object> settings = new HashMap<>(originalsWithPrefix(RegistrySerdes.PREFIX, false));
        settings.putIfAbsent(RegistrySerdes.REGISTRY_URL, registryUrl());
        return RegistrySerdes.config(settings);
    }

    public String opsTopic() {
        return getString(OPS_TOPIC);
    }

    public long opsReportIntervalMs() {
        return getLong(OPS_REPORT_INTERVAL_MS);
    }

    /** Refuses, when the connector is validated, a URL of a database the sink cannot write to. */
    private static final class ConnectionUrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String url = (String) value;
            if (url == null || url.isBlank()) {
                throw new ConfigException(name, value, "must not be empty");
            }
            try {
                Dialect.of(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "jdbc:postgresql://..., jdbc:sqlite:PATH or a file path";
        }
    }

    /** The prefix is spliced into DDL and SQL as an identifier, so only identifier characters may pass. */
    private static final class TablePrefixValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && !((String) value).matches("[A-Za-z0-9_]{0,32}")) {
                throw new ConfigException(name, value, "up to 32 letters, digits or underscores");
            }
        }

        @Override
        public String toString() {
            return "up to 32 letters, digits or underscores";
        }
    }
}
