package io.newsflow.sink;

import io.newsflow.sink.store.Database;
import io.newsflow.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** A fresh, empty store for one test: a database on the machine's PostgreSQL, or a SQLite file. */
public interface TestDatabase extends AutoCloseable {

    /** The connector settings that point at this store. */
    Map<String, String> connectorProps();

    default Database database() {
        return new NewsSinkConfig(withRegistry(connectorProps())).database();
    }

    /** Runs SQL outside the sink: checks and sabotage. */
    default Connection connect() throws SQLException {
        return database().connect();
    }

    default long count(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    void close();

    private static Map<String, String> withRegistry(Map<String, String> props) {
        Map<String, String> all = new HashMap<>(props);
        all.putIfAbsent(NewsSinkConfig.REGISTRY_URL, "http://unused");
        return all;
    }

    static TestDatabase postgres() {
        TestPostgres postgres = TestPostgres.createDatabase();
        return new TestDatabase() {
            @Override
            public Map<String, String> connectorProps() {
                return Map.of(NewsSinkConfig.CONNECTION_URL, postgres.jdbcUrl(),
                        NewsSinkConfig.CONNECTION_USER, TestPostgres.USER,
                        NewsSinkConfig.CONNECTION_PASSWORD, TestPostgres.PASSWORD);
            }

            @Override
            public void close() {
                postgres.close();
            }
        };
    }

    static TestDatabase sqlite() {
        Path dir;
        try {
            dir = Files.createTempDirectory("newsflow-sink");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dir.resolve("articles.db");
        return new TestDatabase() {
            @Override
            public Map<String, String> connectorProps() {
                return Map.of(NewsSinkConfig.CONNECTION_URL, file.toString());
            }

            @Override
            public void close() {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                    Files.delete(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
