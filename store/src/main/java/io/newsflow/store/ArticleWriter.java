package io.newsflow.store;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.Figure;
import io.newsflow.schemas.RawArticle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The SQL that puts and deletes articles, on one connection, inside the caller's transaction. An article row is
 * replaced only by a strictly newer version; its entity and figure rows are replaced with it.
 *
 * <p>Most puts are articles the store has never seen: they are inserted in bulk after one look-up of the stored
 * versions, and only revisions of stored articles go through the version-guarded upsert. Bulk inserts are
 * {@code COPY} on PostgreSQL (see {@link PostgresCopy}) and multi-row statements on SQLite, one statement per
 * hundred articles or few hundred child rows instead of one round of parsing, planning and executing per row.
 * An article inserted by someone else between the look-up and the insert fails the batch on its primary key, and
 * the record-by-record retry of {@link ArticleStore} then finds it stored and upserts.
 */
final class ArticleWriter {

    private static final List<String> ARTICLE_COLUMNS = List.of("id", "version", "content_hash", "language",
            "headline", "body", "byline", "dateline", "source", "source_uri", "guid", "published_at", "received_at",
            "enriched_at", "enricher_version", "metadata", "record");
    private static final List<String> ENTITY_COLUMNS = List.of("article_id", "ordinal", "type", "text",
            "canonical_id", "start_offset", "end_offset", "confidence");
    private static final List<String> FIGURE_COLUMNS = List.of("article_id", "ordinal", "kind", "value", "min_value",
            "max_value", "iso_value", "unit", "unit_key", "currency", "text", "start_offset", "end_offset");
    private static final Set<String> JSON_COLUMNS = Set.of("metadata", "record");
    /**
     * Bound parameters per multi-row statement (about a hundred articles or a few hundred child rows): far below both
     * databases' limits (SQLite 32,766, PostgreSQL 65,535), and past the point where larger statements pay off.
     */
    private static final int PARAMETERS_PER_STATEMENT = 2_000;
    private static final int IDS_PER_STATEMENT = 500;
    private static final int UNIT_KEYS_CACHED = 10_000;

    private final Connection connection;
    private final Dialect dialect;
    private final Tables tables;
    private final String upsertTail;
    private final Map<String, String> unitKeys = new HashMap<>();

    ArticleWriter(Connection connection, Dialect dialect, Tables tables) {
        this.connection = connection;
        this.dialect = dialect;
        this.tables = tables;
        StringBuilder tail = new StringBuilder(" ON CONFLICT (id) DO UPDATE SET ");
        for (int i = 1; i < ARTICLE_COLUMNS.size(); i++) {
            tail.append(i == 1 ? "" : ", ").append(ARTICLE_COLUMNS.get(i)).append(" = excluded.")
                    .append(ARTICLE_COLUMNS.get(i));
        }
        // Equal versions are a no-op even when the content differs: the outcome must not depend on the order in
        // which replays and rebalances deliver records, and only the source can say which of two texts is newer.
        this.upsertTail = tail.append(" WHERE ").append(tables.articles()).append(".version < excluded.version")
                .append(" RETURNING id").toString();
    }

    /**
     * Applies the changes. The result is the same as applying them one by one in order: a delete followed by puts
     * of the same id deletes first, and of several puts of one id the first with the highest version can win.
     */
    void writeAll(List<Change> changes) throws SQLException {
        Map<String, Change> winningPut = new LinkedHashMap<>();
        Set<String> deleted = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change.isDelete()) {
                deleted.add(change.id());
                winningPut.remove(change.id());
            } else {
                winningPut.merge(change.id(), change, (kept, next) -> next.version() > kept.version() ? next : kept);
            }
        }
        // Deletes first: a kill followed by a reissue in the same batch must leave the reissue.
        deleteWhereIdIn(tables.entities(), "article_id", deleted);
        deleteWhereIdIn(tables.figures(), "article_id", deleted);
        deleteWhereIdIn(tables.articles(), "id", deleted);
        List<Change> applied = put(winningPut.values());
        Set<String> replaced = new LinkedHashSet<>();
        applied.forEach(put -> replaced.add(put.id()));
        deleteWhereIdIn(tables.entities(), "article_id", replaced);
        deleteWhereIdIn(tables.figures(), "article_id", replaced);
        insertChildren(applied);
    }

    /** @return the puts that won over the stored version (or found none) */
    private List<Change> put(Collection<Change> puts) throws SQLException {
        Map<String, Long> stored = storedVersions(puts.stream().map(Change::id).toList());
        List<Change> fresh = new ArrayList<>();
        List<Change> newer = new ArrayList<>();
        for (Change put : puts) {
            Long version = stored.get(put.id());
            if (version == null) {
                fresh.add(put);
            } else if (version < put.version()) {
                newer.add(put);
            }
        }
        insert(tables.articles(), ARTICLE_COLUMNS, fresh.stream().map(this::articleRow));
        List<Change> applied = new ArrayList<>(fresh);
        applied.addAll(upsert(newer));
        return applied;
    }

    private Map<String, Long> storedVersions(Collection<String> ids) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        forIds("SELECT id, version FROM " + tables.articles() + " WHERE id", ids, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        });
        return versions;
    }

    /** @return the puts that won over the stored version */
    private List<Change> upsert(Collection<Change> puts) throws SQLException {
        List<Object[]> rows = new ArrayList<>(puts.size());
        for (Change put : puts) {
            rows.add(articleRow(put));
        }
        String row = valuesRow(ARTICLE_COLUMNS);

        Set<String> won = new HashSet<>();
        int perStatement = PARAMETERS_PER_STATEMENT / ARTICLE_COLUMNS.size();
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            String sql = insertHead(tables.articles(), ARTICLE_COLUMNS)
                    + String.join(", ", Collections.nCopies(chunk.size(), row)) + upsertTail;
            try (PreparedStatement statement = bind(sql, chunk); ResultSet ids = statement.executeQuery()) {
                while (ids.next()) {
                    won.add(ids.getString(1));
                }
            }
        }
        return puts.stream().filter(put -> won.contains(put.id())).toList();
    }

    private void insertChildren(List<Change> puts) throws SQLException {
        insert(tables.entities(), ENTITY_COLUMNS, puts.stream().flatMap(put -> {
            List<Entity> entities = put.article().getEntities();
            return IntStream.range(0, entities.size()).mapToObj(i -> entityRow(put.id(), i, entities.get(i)));
        }));
        insert(tables.figures(), FIGURE_COLUMNS, puts.stream().flatMap(put -> {
            List<Figure> figures = put.article().getFigures();
            return IntStream.range(0, figures.size()).mapToObj(i -> figureRow(put.id(), i, figures.get(i)));
        }));
    }

    /** @param rows made as they are sent, so that the database stores the first while the last are being made */
    private void insert(String table, List<String> columns, Stream<Object[]> rows) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            PostgresCopy.insert(connection, table, columns, rows.iterator());
            return;
        }
        insertValues(table, columns, rows.toList());
    }

    private void insertValues(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        int perStatement = PARAMETERS_PER_STATEMENT / columns.size();
        String row = valuesRow(columns);
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            String sql = insertHead(table, columns) + String.join(", ", Collections.nCopies(chunk.size(), row));
            try (PreparedStatement statement = bind(sql, chunk)) {
                statement.executeUpdate();
            }
        }
    }

    private void deleteWhereIdIn(String table, String column, Collection<String> ids) throws SQLException {
        forIds("DELETE FROM " + table + " WHERE " + column, ids, PreparedStatement::executeUpdate);
    }

    private interface IdStatement {
        void run(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs {@code head} completed by a condition that {@code head}'s column is one of {@code ids}. PostgreSQL takes
     * them all as one array parameter, so the statement text never changes and its plan is reused; SQLite has no
     * arrays and takes them in lists of {@value IDS_PER_STATEMENT}.
     */
    private void forIds(String head, Collection<String> ids, IdStatement action) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement statement = connection.prepareStatement(head + " = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                action.run(statement);
            }
            return;
        }
        List<Object[]> rows = ids.stream().map(id -> new Object[] {id}).toList();
        for (int from = 0; from < rows.size(); from += IDS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + IDS_PER_STATEMENT));
            String sql = head + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement statement = bind(sql, chunk)) {
                action.run(statement);
            }
        }
    }

    private static String insertHead(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
    }

    /** One row of a VALUES list: a JSON column's parameter needs a cast on PostgreSQL. */
    private String valuesRow(List<String> columns) {
        return columns.stream().map(column -> JSON_COLUMNS.contains(column) ? dialect.json() : "?")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private PreparedStatement bind(String sql, List<Object[]> rows) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int index = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    statement.setObject(index++, value);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private Object[] articleRow(Change put) {
        EnrichedArticle enriched = put.article();
        RawArticle article = enriched.getArticle();
        return new Object[] {put.id(), put.version(), article.getContentHash(), enriched.getLanguage(),
            article.getHeadline(), article.getBody(), article.getByline(), article.getDateline(), article.getSource(),
            article.getSourceUri(), article.getGuid(), dialect.timestamp(article.getPublishedAt()),
            dialect.timestamp(article.getReceivedAt()), dialect.timestamp(enriched.getEnrichedAt()),
            enriched.getEnricherVersion(), AvroJson.write(article.getMetadata()), AvroJson.write(enriched)};
    }

    private static Object[] entityRow(String articleId, int ordinal, Entity entity) {
        return new Object[] {articleId, ordinal, entity.getType().name(), entity.getText(), entity.getCanonicalId(),
            entity.getStart(), entity.getEnd(), entity.getConfidence()};
    }

    private Object[] figureRow(String articleId, int ordinal, Figure figure) {
        return new Object[] {articleId, ordinal, figure.getKind().name(), figure.getValue(), figure.getMin(),
            figure.getMax(), figure.getIsoValue(), figure.getUnit(), unitKey(figure.getUnit()), figure.getCurrency(),
            figure.getText(), figure.getStart(), figure.getEnd()};
    }

    /** Units repeat from article to article ("percent", "people", "دولار"), and folding one takes several regexes. */
    private String unitKey(String unit) {
        if (unit == null) {
            return null;
        }
        if (unitKeys.size() >= UNIT_KEYS_CACHED) {
            unitKeys.clear();
        }
        return unitKeys.computeIfAbsent(unit, Units::key);
    }
}
