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

    private ConnectorProps() {
    }
}
