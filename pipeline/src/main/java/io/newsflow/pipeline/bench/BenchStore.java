package io.newsflow.pipeline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The database the bench's sink stores into: SQLite or PostgreSQL, as the sink's {@code connection.url} names it. */
public record BenchStore(String url, String user, String password) {

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Empties a PostgreSQL store, so that every story of the run is new to it (a SQLite file starts empty). */
    public void reset() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : List.of("article_figures", "article_entities", "articles")) {
                statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
            statement.execute("DROP TABLE IF EXISTS flyway_schema_history");
        }
    }

    /** Articles stored so far; 0 before the sink has created its tables. */
    public long articles() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM articles")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException noTableYet) {
            if (noTableYet.getMessage() != null && noTableYet.getMessage().contains("articles")) {
                return 0;
            }
            throw noTableYet;
        }
    }

    /** The PostgreSQL server processes serving other connections to this database: the sink's. */
    public List<Long> otherBackendPids() throws SQLException {
        return serverPids("datname = current_database()");
    }

    /**
     * The PostgreSQL server processes that work for this database: its backends (this query's excepted) and the
     * server's background processes (writers, checkpointer, autovacuum), which write what the backends changed.
     * Other databases' backends are left out: on a shared server they are somebody else's work.
     */
    public List<Long> serverPidsForThisDatabase() throws SQLException {
        return serverPids("(datname = current_database() OR backend_type <> 'client backend')");
    }

    private List<Long> serverPids(String condition) throws SQLException {
        List<Long> pids = new ArrayList<>();
        if (!isPostgres()) {
            return pids;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE " + condition
                     + " AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        return pids;
    }

    /** The server process behind {@code connection}, or -1 where the store runs in the sink's process (SQLite). */
    long backendPid(Connection connection) throws SQLException {
        if (!isPostgres()) {
            return -1;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
