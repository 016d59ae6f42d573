package io.newsflow.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Predicate;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What differs between the two databases the sink writes to; everything else is shared SQL. */
public enum Dialect {

    POSTGRESQL("postgresql") {
        @Override
        String json() {
            return "CAST(? AS jsonb)";
        }

        @Override
        public Object timestamp(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }

        @Override
        public Instant readTimestamp(ResultSet rows, int column) throws SQLException {
            OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        @Override
        public String fullTextMatch(String articles, Tables tables) {
            StringBuilder sql = new StringBuilder("(");
            for (String[] language : new String[][] {{"en", "english"}, {"ar", "arabic"}}) {
                sql.append(articles).append(".language = '").append(language[0]).append("' AND ")
                        .append(tsMatch(articles, language[1])).append(" OR ");
            }
            return sql.append(articles).append(".language NOT IN ('en', 'ar') AND ").append(tsMatch(articles, "simple"))
                    .append(")").toString();
        }

        @Override
        public int fullTextParameters() {
            return 3;
        }

        @Override
        public String fullTextQuery(String words) {
            return words;
        }

        /** The expression of the migration's index for this configuration, verbatim, so the planner can use it. */
        private static String tsMatch(String articles, String configuration) {
            return "to_tsvector('" + configuration + "', " + articles + ".headline || ' ' || " + articles + ".body)"
                    + " @@ plainto_tsquery('" + configuration + "', ?)";
        }

        @Override
        boolean isTransient(SQLException e) {
            String state = e.getSQLState();
            // 08: connection exceptions; 40001/40P01: serialization failure and deadlock, which succeed when
            // retried; 53: out of disk, memory or connections; 57P0x: the server is shutting down or starting.
            return state != null && (state.startsWith("08") || state.startsWith("53")
                    || Set.of("40001", "40P01", "57P01", "57P02", "57P03", "55P03").contains(state));
        }

        @Override
        boolean isRecordError(SQLException e) {
            // 22: data exceptions (a NUL character in a text, a value out of range); 23: constraint violations.
            String state = e.getSQLState();
            return state != null && (state.startsWith("22") || state.startsWith("23"));
        }
    },

    SQLITE("sqlite") {
        /** ISO-8601 in UTC with fixed width, so that text order is time order in range queries. */
        private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        @Override
        String json() {
            return "?";
        }

        @Override
        public Object timestamp(Instant instant) {
            return instant == null ? null : ISO.format(instant);
        }

        @Override
        public Instant readTimestamp(ResultSet rows, int column) throws SQLException {
            String value = rows.getString(column);
            return value == null ? null : Instant.parse(value);
        }

        @Override
        public String fullTextMatch(String articles, Tables tables) {
            return articles + ".seq IN (SELECT rowid FROM " + tables.fullText() + " WHERE " + tables.fullText()
                    + " MATCH ?)";
        }

        @Override
        public int fullTextParameters() {
            return 1;
        }

        /** Every word as an FTS5 string, so that none is read as an operator (AND, NEAR, a column filter). */
        @Override
        public String fullTextQuery(String words) {
            StringBuilder query = new StringBuilder();
            for (String word : words.strip().split("\\s+")) {
                query.append(query.isEmpty() ? "" : " ").append('"').append(word.replace("\"", "\"\"")).append('"');
            }
            return query.toString();
        }

        @Override
        boolean isTransient(SQLException e) {
            if (e instanceof SQLiteException sqlite) {
                // BUSY and LOCKED: another writer holds the file longer than the busy timeout. FULL: no disk space.
                int primary = sqlite.getResultCode().code & 0xff;
                return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code
                        || primary == SQLiteErrorCode.SQLITE_FULL.code;
            }
            return false;
        }

        @Override
        boolean isRecordError(SQLException e) {
            if (e instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                return primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code || primary == SQLiteErrorCode.SQLITE_TOOBIG.code
                        || primary == SQLiteErrorCode.SQLITE_MISMATCH.code || primary == SQLiteErrorCode.SQLITE_RANGE.code;
            }
            return false;
        }
    };

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** The dialect a connection URL speaks: PostgreSQL for {@code jdbc:postgresql:}, SQLite for anything else. */
    public static Dialect of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:") && !url.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("unsupported database URL " + url
                    + ": use jdbc:postgresql://..., jdbc:sqlite:PATH or a file path");
        }
        return SQLITE;
    }

    /** The Flyway location of this dialect's migrations. */
    String migrations() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /** A bind parameter for a JSON document given as a string. */
    abstract String json();

    /** A timestamp as this dialect's driver binds it. */
    public abstract Object timestamp(Instant instant);

    /** Reads a timestamp column written by {@link #timestamp(Instant)}. */
    public abstract Instant readTimestamp(ResultSet rows, int column) throws SQLException;

    /**
     * A condition that holds when the article ({@code articles} names the table's alias) contains all the words bound to
     * its {@link #fullTextParameters()} parameters, each given {@link #fullTextQuery(String)}.
     */
    public abstract String fullTextMatch(String articles, Tables tables);

    public abstract int fullTextParameters();

    /** The full-text words as the condition's parameters take them. */
    public abstract String fullTextQuery(String words);

    /** Whether the same statement can be expected to succeed when retried later. */
    abstract boolean isTransient(SQLException e);

    /** Whether the statement failed because of the values it was given, so that it never succeeds with them. */
    abstract boolean isRecordError(SQLException e);

    /** Whether any exception in the chain (causes and JDBC's next exceptions) is transient. */
    boolean isTransientAnywhere(SQLException failure) {
        return anyInChain(failure, e -> e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || isTransient(e));
    }

    /** Whether any exception in the chain says the statement's values are at fault. */
    boolean isRecordErrorAnywhere(SQLException failure) {
        return anyInChain(failure, this::isRecordError);
    }

    private static boolean anyInChain(SQLException failure, Predicate<SQLException> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (test.test(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
