package io.newsflow.store.query;

import io.newsflow.store.Database;
import io.newsflow.store.Dialect;
import io.newsflow.store.Tables;
import io.newsflow.store.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds stored articles by entity, figure, language, date and words, over PostgreSQL or SQLite alike. The
 * command line's {@code query} runs one of these per invocation.
 */
public final class ArticleQuery implements AutoCloseable {

    private final Database database;
    private final Connection connection;

    private ArticleQuery(Database database) throws SQLException {
        this.database = database;
        this.connection = database.connect();
    }

    /**
     * @param urlOrPath a {@code jdbc:postgresql:} URL (with {@code user} and {@code password} parameters when the
     *     server wants them), a {@code jdbc:sqlite:} URL or a SQLite file path, as {@code news-pipeline demo} prints it
     */
    public static ArticleQuery open(String urlOrPath) throws SQLException {
        Database database = Database.of(urlOrPath);
        if (database.dialect() == Dialect.SQLITE) {
            // SQLite would create an empty file and then fail on a missing table; say what is actually wrong.
            Path file = Path.of(database.url().substring("jdbc:sqlite:".length()));
            if (!Files.isRegularFile(file)) {
                throw new SQLException("no SQLite database at " + file);
            }
        }
        return new ArticleQuery(database);
    }

    public static ArticleQuery open(Database database) throws SQLException {
        return new ArticleQuery(database);
    }

    public List<ArticleMatch> find(ArticleFilter filter) throws SQLException {
        Dialect dialect = database.dialect();
        Tables tables = database.tables();
        StringBuilder sql = new StringBuilder("SELECT a.id, a.headline, a.language, a.published_at FROM ")
                .append(tables.articles()).append(" a WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.lang() != null) {
            sql.append(" AND a.language = ?");
            parameters.add(filter.lang());
        }
        if (filter.since() != null) {
            sql.append(" AND a.published_at >= ?");
            parameters.add(dialect.timestamp(startOf(filter.since())));
        }
        if (filter.until() != null) {
            sql.append(" AND a.published_at < ?");
            parameters.add(dialect.timestamp(startOf(filter.until().plusDays(1))));
        }
        if (filter.filtersEntities()) {
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(tables.entities())
                    .append(" e WHERE e.article_id = a.id AND ").append(entityCondition("e", filter, parameters))
                    .append(")");
        }
        if (filter.filtersFigures()) {
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(tables.figures())
                    .append(" f WHERE f.article_id = a.id AND ").append(figureCondition("f", filter, parameters))
                    .append(")");
        }
        if (filter.text() != null) {
            sql.append(" AND ").append(dialect.fullTextMatch("a", tables));
            for (int i = 0; i < dialect.fullTextParameters(); i++) {
                parameters.add(dialect.fullTextQuery(filter.text()));
            }
        }
        sql.append(" ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT ? OFFSET ?");
        parameters.add(filter.limit());
        parameters.add(filter.offset());

        Map<String, ArticleMatch> matches = new LinkedHashMap<>();
        try (PreparedStatement statement = prepare(sql.toString(), parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                matches.put(id, new ArticleMatch(id, rows.getString(2), rows.getString(3),
                        dialect.readTimestamp(rows, 4), new ArrayList<>(), new ArrayList<>()));
            }
        }
        if (!matches.isEmpty()) {
            addEntities(matches, filter);
            addFigures(matches, filter);
        }
        return List.copyOf(matches.values());
    }

    /** One stored story in full, with the other stories that name one of its entities' canonical ids. */
    public Optional<Story> story(String id) throws SQLException {
        Dialect dialect = database.dialect();
        Tables tables = database.tables();
        Story story;
        try (PreparedStatement statement = prepare("SELECT id, headline, body, language, published_at, source,"
                + " source_uri FROM " + tables.articles() + " WHERE id = ?", List.of(id));
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            story = new Story(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                    dialect.readTimestamp(rows, 5), rows.getString(6), rows.getString(7), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }
        try (PreparedStatement statement = prepare("SELECT type, text, canonical_id, start_offset, end_offset FROM "
                + tables.entities() + " WHERE article_id = ? ORDER BY ordinal", List.of(id));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                story.entities().add(new Story.Entity(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getInt(4), rows.getInt(5)));
            }
        }
        try (PreparedStatement statement = prepare("SELECT kind, value, min_value, max_value, iso_value, unit,"
                + " currency, text, start_offset, end_offset FROM " + tables.figures()
                + " WHERE article_id = ? ORDER BY ordinal", List.of(id));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                story.figures().add(new Story.Figure(rows.getString(1), nullableDouble(rows, 2),
                        nullableDouble(rows, 3), nullableDouble(rows, 4), rows.getString(5), rows.getString(6),
                        rows.getString(7), rows.getString(8), rows.getInt(9), rows.getInt(10)));
            }
        }
        try (PreparedStatement statement = prepare("SELECT DISTINCT a.id, a.headline, a.language, a.published_at,"
                + " other.canonical_id FROM " + tables.entities() + " own JOIN " + tables.entities()
                + " other ON other.canonical_id = own.canonical_id AND other.article_id <> own.article_id JOIN "
                + tables.articles() + " a ON a.id = other.article_id WHERE own.article_id = ?"
                + " ORDER BY a.published_at DESC NULLS LAST, a.id, other.canonical_id", List.of(id));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                story.related().add(new Story.Related(rows.getString(1), rows.getString(2), rows.getString(3),
                        dialect.readTimestamp(rows, 4), rows.getString(5)));
            }
        }
        return Optional.of(story);
    }

    private static String entityCondition(String alias, ArticleFilter filter, List<Object> parameters) {
        parameters.add(filter.entity());
        parameters.add(filter.entity());
        return "(" + alias + ".canonical_id = ? OR lower(" + alias + ".text) = lower(?))";
    }

    private static String figureCondition(String alias, ArticleFilter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.unit() != null) {
            conditions.add(alias + ".unit_key = ?");
            parameters.add(Units.key(filter.unit()));
        }
        if (filter.kind() != null) {
            conditions.add(alias + ".kind = ?");
            parameters.add(filter.kind());
        }
        // A range figure (20 to 30 killed) matches a value filter when the two intervals overlap.
        if (filter.minValue() != null) {
            conditions.add("COALESCE(" + alias + ".max_value, " + alias + ".value) >= ?");
            parameters.add(filter.minValue());
        }
        if (filter.maxValue() != null) {
            conditions.add("COALESCE(" + alias + ".min_value, " + alias + ".value) <= ?");
            parameters.add(filter.maxValue());
        }
        return String.join(" AND ", conditions);
    }

    private void addEntities(Map<String, ArticleMatch> matches, ArticleFilter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>(matches.keySet());
        StringBuilder sql = new StringBuilder("SELECT e.article_id, e.type, e.text, e.canonical_id FROM ")
                .append(database.tables().entities()).append(" e WHERE e.article_id IN (")
                .append(placeholders(matches.size())).append(")");
        if (filter.filtersEntities()) {
            sql.append(" AND ").append(entityCondition("e", filter, parameters));
        }
        sql.append(" ORDER BY e.article_id, e.ordinal");
        try (PreparedStatement statement = prepare(sql.toString(), parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                matches.get(rows.getString(1)).entities().add(
                        new ArticleMatch.Entity(rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
    }

    private void addFigures(Map<String, ArticleMatch> matches, ArticleFilter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>(matches.keySet());
        StringBuilder sql = new StringBuilder("SELECT f.article_id, f.kind, f.value, f.min_value, f.max_value,"
                + " f.iso_value, f.unit, f.currency, f.text FROM ").append(database.tables().figures())
                .append(" f WHERE f.article_id IN (").append(placeholders(matches.size())).append(")");
        if (filter.filtersFigures()) {
            sql.append(" AND ").append(figureCondition("f", filter, parameters));
        }
        sql.append(" ORDER BY f.article_id, f.ordinal");
        try (PreparedStatement statement = prepare(sql.toString(), parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                matches.get(rows.getString(1)).figures().add(new ArticleMatch.Figure(rows.getString(2),
                        nullableDouble(rows, 3), nullableDouble(rows, 4), nullableDouble(rows, 5), rows.getString(6),
                        rows.getString(7), rows.getString(8), rows.getString(9)));
            }
        }
    }

    private PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
