package io.newsflow.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One article store: where it is, how to connect, and the names of its tables. Connections come from the driver's
 * own {@link DataSource} rather than {@code DriverManager}, which cannot see drivers inside an isolated Connect plugin.
 */
public final class Database {

    /** How long a SQLite writer waits for another one (the other task, a reader's checkpoint) before giving up. */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private final Dialect dialect;
    private final String url;
    private final DataSource dataSource;
    private final Tables tables;

    private Database(Dialect dialect, String url, DataSource dataSource, Tables tables) {
        this.dialect = dialect;
        this.url = url;
        this.dataSource = dataSource;
        this.tables = tables;
    }

    /**
     * @param urlOrPath a {@code jdbc:postgresql:} or {@code jdbc:sqlite:} URL, or the path of a SQLite file
     * @param user ignored by SQLite; may be null
     * @param password ignored by SQLite; may be null
     * @param tablePrefix prepended to every table name; letters, digits and underscores only
     */
    public static Database of(String urlOrPath, String user, String password, String tablePrefix) {
        String url = urlOrPath.startsWith("jdbc:") ? urlOrPath : "jdbc:sqlite:" + Path.of(urlOrPath).toAbsolutePath();
        Dialect dialect = Dialect.of(url);
        DataSource dataSource = switch (dialect) {
            case POSTGRESQL -> postgres(url, user, password);
            case SQLITE -> sqlite(url);
        };
        return new Database(dialect, url, dataSource, new Tables(tablePrefix == null ? "" : tablePrefix));
    }

    /** Opens the store named by a JDBC URL or SQLite path, with no table prefix and credentials from the URL. */
    public static Database of(String urlOrPath) {
        return of(urlOrPath, null, null, "");
    }

    private static DataSource postgres(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        if (user != null) {
            source.setUser(user);
        }
        if (password != null) {
            source.setPassword(password);
        }
        source.setApplicationName("newsflow-sink");
        source.setConnectTimeout(10);
        // A half-open TCP connection must surface as a failure rather than hang the task forever.
        source.setSocketTimeout(300);
        source.setTcpKeepAlive(true);
        return source;
    }

    private static DataSource sqlite(String url) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers (the query, the other task) proceed while one task writes; the busy timeout makes the
        // second writer wait its turn instead of failing at once.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // Take the write lock when the transaction begins: a deferred transaction that reads first cannot wait
        // for the lock later and fails with SQLITE_BUSY straight away.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    /**
     * Creates or upgrades the tables to the latest migration.
     *
     * @throws StoreException the tables could not be brought up to date; {@link StoreException#isRetriable()} says
     *     whether the database was merely unreachable or busy
     */
    public void migrate() {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .table(tables.prefix() + "flyway_schema_history")
                    // A database that already holds other tables (another pipeline's, under another prefix) is a
                    // fresh start for this prefix: baseline below V1 and create everything.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .placeholders(Map.of("prefix", tables.prefix()))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            SQLException cause = sqlCause(e);
            throw new StoreException("bringing the article tables in " + this + " up to date failed: "
                    + (cause != null ? ArticleStore.reason(cause) : e.getMessage()), e,
                    cause != null && dialect.isTransientAnywhere(cause));
        }
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public Dialect dialect() {
        return dialect;
    }

    public Tables tables() {
        return tables;
    }

    /** The JDBC URL, without credentials passed separately. */
    public String url() {
        return url;
    }

    @Override
    public String toString() {
        return dialect + " " + url;
    }
}
