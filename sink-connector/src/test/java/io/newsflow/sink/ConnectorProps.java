package io.newsflow.sink;

import io.newsflow.store.TestDatabase;
import java.util.HashMap;
import java.util.Map;

/** The connector settings that point at a test's store. */
final class ConnectorProps {

    static Map<String, String> of(TestDatabase db) {
        Map<String, String> props = new HashMap<>();
        props.put(NewsSinkConfig.CONNECTION_URL, db.url());
        if (db.user() != null) {
            props.put(NewsSinkConfig.CONNECTION_USER, db.user());
        }
        if (db.password() != null) {
            props.put(NewsSinkConfig.CONNECTION_PASSWORD, db.password());
        }
        return props;
    }

    /**
     * A connector of two tasks on {@code topic} that stores into {@code db}, dead-letters to {@code topic.dlq} and
     * reports on {@code opsTopic}; each test adds its retry timing and report interval.
     */
    static Map<String, String> sinkOn(String topic, TestDatabase db, String registryUrl, String bootstrapServers,
            String opsTopic) {
        Map<String, String> props = of(db);
        props.put("connector.class", NewsSinkConnector.class.getName());
        props.put("tasks.max", "2");
        props.put("topics", topic);
        props.put(NewsSinkConfig.REGISTRY_URL, registryUrl);
        props.put(NewsSinkConfig.BATCH_SIZE, "100");
        props.put("errors.tolerance", "all");
        props.put("errors.deadletterqueue.topic.name", topic + ".dlq");
        props.put("errors.deadletterqueue.topic.replication.factor", "1");
        props.put(NewsSinkConfig.OPS_BOOTSTRAP_SERVERS, bootstrapServers);
        props.put(NewsSinkConfig.OPS_TOPIC, opsTopic);
        return props;
    }

    private ConnectorProps() {
    }
}
