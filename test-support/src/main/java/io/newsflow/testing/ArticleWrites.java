package io.newsflow.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row the sink inserts into or updates in a store's {@code articles} table, recorded by a trigger the test
 * installs in its own database (PostgreSQL or SQLite) into {@code test_article_writes}. The primary key keeps one row
 * per article whatever happens, so counting rows cannot show a duplicate; this log can: an article version written
 * twice (a replay that got past the version guard, a second enrichment of the same version) appears twice.
 * A write rolled back with its transaction leaves no entry, as it left no row.
 */
public final class ArticleWrites {

    private static final String LOG = "test_article_writes";

    private ArticleWrites() {
    }

    /** Installs the trigger; the sink must have created its tables already. */
    public static void install(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + LOG + " (id text NOT NULL, version bigint NOT NULL)");
            if (postgres) {
                statement.execute("CREATE FUNCTION test_log_article_write() RETURNS trigger LANGUAGE plpgsql AS $$ "
                        + "BEGIN INSERT INTO " + LOG + " VALUES (NEW.id, NEW.version); RETURN NEW; END $$");
                statement.execute("CREATE TRIGGER test_article_write AFTER INSERT OR UPDATE ON articles "
                        + "FOR EACH ROW EXECUTE FUNCTION test_log_article_write()");
            } else {
                for (String event : List.of("INSERT", "UPDATE")) {
                    statement.execute("CREATE TRIGGER test_article_" + event.toLowerCase() + " AFTER " + event
                            + " ON articles BEGIN INSERT INTO " + LOG + " VALUES (NEW.id, NEW.version); END");
                }
            }
        }
    }

    /** How many article rows were written (inserted or updated) since {@link #install}. */
    public static long count(Connection connection) throws SQLException {
        return single(connection, "SELECT count(*) FROM " + LOG);
    }

    /** How many rows of version {@code version} were written. */
    public static long countOfVersion(Connection connection, long version) throws SQLException {
        return single(connection, "SELECT count(*) FROM " + LOG + " WHERE version = " + version);
    }

    /** How many distinct articles were written. */
    public static long articles(Connection connection) throws SQLException {
        return single(connection, "SELECT count(DISTINCT id) FROM " + LOG);
    }

    /** Each article version written more than once, as "id@version x times". */
    public static List<String> repeated(Connection connection) throws SQLException {
        List<String> repeated = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, version, count(*) FROM " + LOG
                     + " GROUP BY id, version HAVING count(*) > 1 ORDER BY id, version")) {
            while (rows.next()) {
                repeated.add(rows.getString(1) + "@" + rows.getLong(2) + " x" + rows.getLong(3));
            }
        }
        return repeated;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
