package io.newsflow.sink.store;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL that puts and deletes articles, on one connection, inside the caller's transaction. An article row is
 * replaced only by a strictly newer version; its entity and figure rows are replaced with it.
 *
 * <p>Rows go in multi-row statements: one statement per hundred articles or few hundred child rows, instead of one
 * round of parsing, planning and executing per row, which is what keeps a batch of 500 wire stories (10,000 child
 * rows) cheap on both databases.
 */
final class ArticleWriter {

    private static final List<String> ARTICLE_COLUMNS = List.of("id", "version", "content_hash", "language",
            "headline", "body", "byline", "dateline", "source", "source_uri", "guid", "published_at", "received_at",
            "enriched_at", "enricher_version", "metadata", "record");
    private static final List<String> ENTITY_COLUMNS = List.of("article_id", "ordinal", "type", "text",
            "canonical_id", "start_offset", "end_offset", "confidence");
    private static final List<String> FIGURE_COLUMNS = List.of("article_id", "ordinal", "kind", "value", "min_value",
            "max_value", "iso_value", "unit", "unit_key", "currency", "text", "start_offset", "end_offset");
    /** Rows per statement: far below both databases' bound-parameter limits (SQLite 32,766, PostgreSQL 65,535). */
    private static final int ARTICLES_PER_STATEMENT = 100;
    private static final int CHILDREN_PER_STATEMENT = 250;
    private static final int IDS_PER_STATEMENT = 500;

    private final Connection connection;
    private final Dialect dialect;
    private final Tables tables;
    private final String upsertTail;

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
        List<Change> applied = upsert(winningPut.values());
        Set<String> replaced = new LinkedHashSet<>();
        applied.forEach(put -> replaced.add(put.id()));
        deleteWhereIdIn(tables.entities(), "article_id", replaced);
        deleteWhereIdIn(tables.figures(), "article_id", replaced);
        insertChildren(applied);
    }

    /** @return the puts that won over the stored version (or found none) */
    private List<Change> upsert(Collection<Change> puts) throws SQLException {
        List<Object[]> rows = new ArrayList<>(puts.size());
        for (Change put : puts) {
            rows.add(articleRow(put));
        }
        List<String> placeholders = new ArrayList<>(Collections.nCopies(ARTICLE_COLUMNS.size(), "?"));
        placeholders.set(ARTICLE_COLUMNS.indexOf("metadata"), dialect.json());
        placeholders.set(ARTICLE_COLUMNS.indexOf("record"), dialect.json());
        String row = "(" + String.join(", ", placeholders) + ")";

        Set<String> won = new HashSet<>();
        for (int from = 0; from < rows.size(); from += ARTICLES_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ARTICLES_PER_STATEMENT));
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
        List<Object[]> entities = new ArrayList<>();
        List<Object[]> figures = new ArrayList<>();
        for (Change put : puts) {
            List<Entity> putEntities = put.article().getEntities();
            for (int ordinal = 0; ordinal < putEntities.size(); ordinal++) {
                entities.add(entityRow(put.id(), ordinal, putEntities.get(ordinal)));
            }
            List<Figure> putFigures = put.article().getFigures();
            for (int ordinal = 0; ordinal < putFigures.size(); ordinal++) {
                figures.add(figureRow(put.id(), ordinal, putFigures.get(ordinal)));
            }
        }
        insert(tables.entities(), ENTITY_COLUMNS, entities);
        insert(tables.figures(), FIGURE_COLUMNS, figures);
    }

    private void insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        for (int from = 0; from < rows.size(); from += CHILDREN_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHILDREN_PER_STATEMENT));
            String sql = insertHead(table, columns) + String.join(", ", Collections.nCopies(chunk.size(), row));
            try (PreparedStatement statement = bind(sql, chunk)) {
                statement.executeUpdate();
            }
        }
    }

    private void deleteWhereIdIn(String table, String column, Collection<String> ids) throws SQLException {
        List<Object[]> rows = ids.stream().map(id -> new Object[] {id}).toList();
        for (int from = 0; from < rows.size(); from += IDS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + IDS_PER_STATEMENT));
            String sql = "DELETE FROM " + table + " WHERE " + column + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement statement = bind(sql, chunk)) {
                statement.executeUpdate();
            }
        }
    }

    private static String insertHead(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
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

    private static Object[] figureRow(String articleId, int ordinal, Figure figure) {
        return new Object[] {articleId, ordinal, figure.getKind().name(), figure.getValue(), figure.getMin(),
            figure.getMax(), figure.getIsoValue(), figure.getUnit(), Units.key(figure.getUnit()), figure.getCurrency(),
            figure.getText(), figure.getStart(), figure.getEnd()};
    }
}
