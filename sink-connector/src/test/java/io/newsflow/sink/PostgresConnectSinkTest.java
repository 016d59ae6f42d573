package io.newsflow.sink;

import io.newsflow.store.TestDatabase;
import io.newsflow.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresConnectSinkTest extends AbstractConnectSinkTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }

    /**
     * Refuses new connections to the test database and kills the open ones, as a server restart does, without
     * touching the server that other engineers' tests share. (Superusers ignore a revoked CONNECT privilege, so
     * the database itself stops accepting connections.)
     */
    @Override
    AutoCloseable outage(TestDatabase db) throws SQLException {
        String url = db.url();
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        execute(admin, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        return () -> execute(admin, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
