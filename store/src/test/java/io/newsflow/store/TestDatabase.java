package io.newsflow.store;

import io.newsflow.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, empty store for one test: a database on the machine's PostgreSQL, or a SQLite file. */
public interface TestDatabase extends AutoCloseable {

    /** A JDBC URL, or for SQLite the file's path. */
    String url();

    /** Null for SQLite. */
    default String user() {
        return null;
    }

    /** Null for SQLite. */
    default String password() {
        return null;
    }

    default Database database() {
        return Database.of(url(), user(), password(), "");
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

    static TestDatabase postgres() {
        TestPostgres postgres = TestPostgres.createDatabase();
        return new TestDatabase() {
            @Override
            public String url() {
                return postgres.jdbcUrl();
            }

            @Override
            public String user() {
                return TestPostgres.USER;
            }

            @Override
            public String password() {
                return TestPostgres.PASSWORD;
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
            dir = Files.createTempDirectory("newsflow-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dir.resolve("articles.db");
        return new TestDatabase() {
            @Override
            public String url() {
                return file.toString();
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
