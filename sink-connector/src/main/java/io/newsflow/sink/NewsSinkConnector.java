package io.newsflow.sink;

import io.newsflow.sink.store.Database;
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
 * here, before any task runs: tasks creating tables concurrently collide on PostgreSQL's catalog.
 */
public class NewsSinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(NewsSinkConnector.class);

    private Map<String, String> props;

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
        } catch (RuntimeException e) {
            throw new ConnectException("cannot bring the article tables in " + database + " up to date: "
                    + e.getMessage(), e);
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
