package io.newsflow.sink;

import io.newsflow.store.Database;
import io.newsflow.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
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

    private Map<String, String> props;
    private boolean tablesPending;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
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

    @Override
    public ConfigDef config() {
        return NewsSinkConfig.CONFIG_DEF;
    }
}
