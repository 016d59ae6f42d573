package io.newsflow.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of changes to one database, each batch in one transaction. Holds one connection, opened on first
 * use and dropped after a transient failure so the next attempt starts on a fresh one.
 */
public final class ArticleStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);

    private final Database database;
    private boolean tablesPending;
    private Connection connection;
    private ArticleWriter writer;

    public ArticleStore(Database database) {
        this(database, false);
    }

    /** @param tablesPending whether the tables must be brought up to date before the first write */
    public ArticleStore(Database database, boolean tablesPending) {
        this.database = database;
        this.tablesPending = tablesPending;
    }

    /** A change the database refused because of what it contains; it will never be written. */
    public record Rejection(int index, SQLException cause) {

        /** What the database said, without the statement's values. */
        public String reason() {
            return ArticleStore.reason(cause);
        }
    }

    /**
     * Applies the changes in one transaction, with the same outcome as applying them one by one in order. A change
     * the database refuses for its content (a constraint, an invalid value) is left out and returned, and the rest
     * is written.
     *
     * @return the refused changes, by their index in {@code changes}
     * @throws StoreException nothing was written; {@link StoreException#isRetriable()} says whether to try again
     */
    public List<Rejection> write(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        ArticleWriter writer = writer();
        try {
            // Only inside write() does the connection hold a transaction: SQLite's driver begins the next one as
            // soon as a commit ends the last, and an idle task holding SQLite's write lock starves the other.
            connection.setAutoCommit(false);
            return writeAll(writer, changes);
        } catch (SQLException e) {
            rollback();
            throw failure("beginning a transaction failed", e);
        } finally {
            endTransaction();
        }
    }

    private List<Rejection> writeAll(ArticleWriter writer, List<Change> changes) {
        try {
            writer.writeAll(changes);
            connection.commit();
            return List.of();
        } catch (SQLException e) {
            rollback();
            if (!database.dialect().isRecordErrorAnywhere(e)) {
                throw failure("writing a batch of " + changes.size() + " changes failed", e);
            }
            if (connection == null) {
                throw new StoreException("the connection broke while rolling back a batch", e, true);
            }
            log.info("A batch of {} changes failed on a record's content ({}); writing them one by one to find it",
                    changes.size(), reason(e));
        }
        return writeIsolated(writer, changes);
    }

    /** Applies the changes one by one, each under a savepoint, so a refused change undoes only itself. */
    private List<Rejection> writeIsolated(ArticleWriter writer, List<Change> changes) {
        List<Rejection> rejected = new ArrayList<>();
        try {
            for (int i = 0; i < changes.size(); i++) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    writer.writeAll(List.of(changes.get(i)));
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException e) {
                    if (!database.dialect().isRecordErrorAnywhere(e)) {
                        throw e;
                    }
                    connection.rollback(savepoint);
                    rejected.add(new Rejection(i, e));
                }
            }
            connection.commit();
            return rejected;
        } catch (SQLException e) {
            rollback();
            throw failure("writing a batch of " + changes.size() + " changes one by one failed", e);
        }
    }

    private ArticleWriter writer() {
        if (tablesPending) {
            migrate();
        }
        if (writer == null) {
            try {
                connection = database.connect();
                writer = new ArticleWriter(connection, database.dialect(), database.tables());
            } catch (SQLException e) {
                closeConnection();
                // Whatever keeps the sink from connecting (a restart, a network partition, connections refused
                // during maintenance) is the database's state, not the records': worth waiting for.
                throw new StoreException("cannot connect to " + database + ": " + reason(e), e, true);
            }
        }
        return writer;
    }

    private void migrate() {
        try {
            database.migrate();
        } catch (StoreException e) {
            if (e.isRetriable()) {
                throw e;
            }
            // Another task may have been creating the same tables at the same moment; it has finished by now.
            log.info("Migrating the article tables failed ({}); trying once more", e.getMessage());
            database.migrate();
        }
        log.info("Brought the article tables in {} up to date", database);
        tablesPending = false;
    }

    private StoreException failure(String message, SQLException e) {
        boolean retriable = database.dialect().isTransientAnywhere(e);
        if (retriable) {
            closeConnection();
        }
        return new StoreException(message + ": " + reason(e), e, retriable);
    }

    private void endTransaction() {
        if (connection == null) {
            return;
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.debug("Ending a transaction failed; the connection will be replaced", e);
            closeConnection();
        }
    }

    /** The database's own words for a failure: a JDBC batch hides them behind its first statement's SQL. */
    static String reason(SQLException failure) {
        SQLException deepest = failure;
        for (SQLException next = failure.getNextException(); next != null; next = next.getNextException()) {
            deepest = next;
        }
        String message = String.valueOf(deepest.getMessage());
        return message.length() <= 500 ? message : message.substring(0, 500) + "...";
    }

    private void rollback() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback failed; the connection will be replaced", e);
            closeConnection();
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            log.debug("Closing a failed connection failed", e);
        } finally {
            connection = null;
            writer = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
