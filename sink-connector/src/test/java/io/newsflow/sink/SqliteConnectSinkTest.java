package io.newsflow.sink;

import io.newsflow.store.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

class SqliteConnectSinkTest extends AbstractConnectSinkTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite();
    }

    /** An exclusive transaction held by another process keeps every writer out, as a backup or a long repair does. */
    @Override
    AutoCloseable outage(TestDatabase db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(60_000);
        Connection connection = config.createConnection(db.database().url());
        Statement statement = connection.createStatement();
        statement.execute("BEGIN EXCLUSIVE");
        return () -> {
            statement.execute("ROLLBACK");
            connection.close();
        };
    }
}
