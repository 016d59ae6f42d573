package io.newsflow.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts rows with PostgreSQL's {@code COPY ... FROM STDIN} in text format. Unlike a multi-row {@code INSERT}, there
 * is no statement with thousands of parameters to parse and plan, and the server stores each row as it arrives while
 * the sink is still encoding the next ones, so the two processes work in parallel instead of taking turns.
 */
final class PostgresCopy {

    /** Characters sent per message: large enough to amortize a round of the protocol, small enough to overlap. */
    private static final int FLUSH_CHARS = 64 * 1024;

    private PostgresCopy() {
    }

    /**
     * @param rows values as {@link #appendValue} takes them, in the order of {@code columns}
     * @throws SQLException as the server reports it: a refused value or constraint keeps its SQLSTATE
     */
    static void insert(Connection connection, String table, List<String> columns, Iterator<Object[]> rows)
            throws SQLException {
        if (!rows.hasNext()) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        try {
            StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 16 * 1024);
            while (rows.hasNext()) {
                Object[] row = rows.next();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        buffer.append('\t');
                    }
                    appendValue(buffer, row[i]);
                }
                buffer.append('\n');
                if (buffer.length() >= FLUSH_CHARS) {
                    send(copy, buffer);
                }
            }
            send(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                cancel(copy);
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static void cancel(CopyIn copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException ignored) {
            // The failure that interrupted the copy is the one worth reporting; the transaction is rolled back.
        }
    }

    /**
     * Appends one value in COPY's text format: {@code \N} for null; in text, the backslash and the three characters
     * that would end a field or a row escaped. Timestamps go as ISO-8601 instants, numbers in Java's notation, which
     * PostgreSQL reads back exactly (including {@code NaN} and {@code Infinity}).
     */
    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String text) {
            appendText(out, text);
        } else if (value instanceof OffsetDateTime time) {
            out.append(time.toInstant());
        } else {
            out.append(value);
        }
    }

    private static void appendText(StringBuilder out, String text) {
        // Copies the runs between escapes whole: most texts have none, and appending a character at a time was the
        // sink's hottest code in a profile.
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                out.append(text, run, i).append('\\').append(switch (c) {
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> '\\';
                });
                run = i + 1;
            }
        }
        out.append(text, run, text.length());
    }
}
