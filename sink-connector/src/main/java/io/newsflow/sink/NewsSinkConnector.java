package io.newsflow.sink;

import io.newsflow.store.Database;
import io.newsflow.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the enriched articles of {@code news.enriched} in PostgreSQL or SQLite. Brings the tables up to date once,
 * here, before any task runs: tasks creating tables concurrently collide on PostgreSQL's catalog. A database that
 * cannot be reached at start (a worker restarted during a database outage) does not fail the connector: its tasks
 * then bring the tables up to date before their first write, on their outage backoff.
 */
public class NewsSinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(NewsSinkConnector.class);

    /** Settings of the sink's former built-in metrics endpoint, which nothing reads any more. */
    private static final Map<String, String> REMOVED_SETTINGS = Map.of(
            "metrics.port", "the task's meters are registered with the worker (plugin metrics); scrape the worker's "
                    + "JMX exporter agent instead, see the connector's README, and check health on the worker's REST "
                    + "status endpoint",
            "metrics.host", "the sink serves no metrics endpoint of its own any more; scrape the worker's JMX "
                    + "exporter agent, see the connector's README");

    private Map<String, String> props;
    private boolean tablesPending;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        // A stored configuration is started without validation (worker restart): say so rather than ignore it.
        REMOVED_SETTINGS.forEach((name, instead) -> {
            if (props.containsKey(name)) {
                log.warn("Setting {} is no longer supported and is ignored: {}", name, instead);
            }
        });
        this.props = Map.copyOf(props);
        Database database = new NewsSinkConfig(props).database();
        log.info("Migrating the article tables in {}", database);
        try {
            database.migrate();
            tablesPending = false;
        } catch (StoreException e) {
            if (!e.isRetriable()) {
                throw new ConnectException(e.getMessage(), e);
            }
            log.warn("{}; the tasks will bring the tables up to date once the database answers", e.getMessage());
            tablesPending = true;
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NewsSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(NewsSinkTask.TASK_ID, String.valueOf(task));
            config.put(NewsSinkTask.MIGRATE_FIRST, String.valueOf(tablesPending));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    /** Refuses, when a connector is created or updated, the settings of removed features, with what to use instead. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        List<ConfigValue> values = new ArrayList<>(super.validate(connectorConfigs).configValues());
        REMOVED_SETTINGS.forEach((name, instead) -> {
            if (connectorConfigs.containsKey(name)) {
                ConfigValue value = new ConfigValue(name, connectorConfigs.get(name), List.of(), new ArrayList<>());
                value.addErrorMessage("no longer supported: " + instead);
                values.add(value);
            }
        });
        return new Config(values);
    }

    @Override
    public ConfigDef config() {
        return NewsSinkConfig.CONFIG_DEF;
    }
}
