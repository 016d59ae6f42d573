package io.newsflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the machine's PostgreSQL server for each test that asks, dropped again on close.
 * The server defaults to 127.0.0.1:5432 as user postgres; NEWSFLOW_TEST_PG_HOST, _PORT, _USER, _PASSWORD override.
 */
public final class TestPostgres implements AutoCloseable {

    private static final String HOST = env("NEWSFLOW_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("NEWSFLOW_TEST_PG_PORT", "5432");
    public static final String USER = env("NEWSFLOW_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("NEWSFLOW_TEST_PG_PASSWORD", "");

    private final String database;

    private TestPostgres(String database) {
        this.database = database;
    }

    public static TestPostgres createDatabase() {
        String name = "newsflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + HOST + ":" + PORT
                    + " as " + USER + " (start it, or set NEWSFLOW_TEST_PG_HOST/PORT/USER/PASSWORD)", e);
        }
        return new TestPostgres(name);
    }

    public String jdbcUrl() {
        return url(database);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + database, e);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
