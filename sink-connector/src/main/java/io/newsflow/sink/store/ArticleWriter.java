package io.newsflow.sink.store;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.Figure;
import io.newsflow.schemas.RawArticle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL that puts and deletes articles, on one connection, inside the caller's transaction. An article row is
 * replaced only by a strictly newer version; its entity and figure rows are replaced with it.
 */
final class ArticleWriter implements AutoCloseable {

    private static final String[] ARTICLE_COLUMNS = {"id", "version", "content_hash", "language", "headline", "body",
        "byline", "dateline", "source", "source_uri", "guid", "published_at", "received_at", "enriched_at",
        "enricher_version", "metadata", "record"};

    private final Dialect dialect;
    private final PreparedStatement upsertArticle;
    private final PreparedStatement deleteArticle;
    private final PreparedStatement deleteEntities;
    private final PreparedStatement deleteFigures;
    private final PreparedStatement insertEntity;
    private final PreparedStatement insertFigure;

    ArticleWriter(Connection connection, Dialect dialect, Tables tables) throws SQLException {
        this.dialect = dialect;
        this.upsertArticle = connection.prepareStatement(upsertSql(dialect, tables.articles()));
        this.deleteArticle = connection.prepareStatement("DELETE FROM " + tables.articles() + " WHERE id = ?");
        this.deleteEntities = connection.prepareStatement("DELETE FROM " + tables.entities() + " WHERE article_id = ?");
        this.deleteFigures = connection.prepareStatement("DELETE FROM " + tables.figures() + " WHERE article_id = ?");
        this.insertEntity = connection.prepareStatement("INSERT INTO " + tables.entities()
                + " (article_id, ordinal, type, text, canonical_id, start_offset, end_offset, confidence)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertFigure = connection.prepareStatement("INSERT INTO " + tables.figures()
                + " (article_id, ordinal, kind, value, min_value, max_value, iso_value, unit, unit_key, currency, text,"
                + " start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    private static String upsertSql(Dialect dialect, String table) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", ARTICLE_COLUMNS)).append(") VALUES (");
        for (int i = 0; i < ARTICLE_COLUMNS.length; i++) {
            boolean json = ARTICLE_COLUMNS[i].equals("metadata") || ARTICLE_COLUMNS[i].equals("record");
            sql.append(i == 0 ? "" : ", ").append(json ? dialect.json() : "?");
        }
        sql.append(") ON CONFLICT (id) DO UPDATE SET ");
        for (int i = 1; i < ARTICLE_COLUMNS.length; i++) {
            sql.append(i == 1 ? "" : ", ").append(ARTICLE_COLUMNS[i]).append(" = excluded.").append(ARTICLE_COLUMNS[i]);
        }
        // Equal versions are a no-op even when the content differs: the outcome must not depend on the order in
        // which replays and rebalances deliver records, and only the source can say which of two texts is newer.
        return sql.append(" WHERE ").append(table).append(".version < excluded.version").toString();
    }

    /**
     * Applies the changes with one round of batched statements per table. The result is the same as applying them
     * one by one in order: a delete followed by puts of the same id deletes first, and of several puts of one id
     * the first with the highest version is the one that can win.
     */
    void writeAll(List<Change> changes) throws SQLException {
        try {
            batchAll(changes);
        } catch (SQLException e) {
            clearBatches();
            throw e;
        }
    }

    private void batchAll(List<Change> changes) throws SQLException {
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
        if (!deleted.isEmpty()) {
            for (String id : deleted) {
                deleteArticle.setString(1, id);
                deleteArticle.addBatch();
            }
            deleteArticle.executeBatch();
        }
        if (winningPut.isEmpty()) {
            return;
        }
        List<Change> puts = new ArrayList<>(winningPut.values());
        for (Change put : puts) {
            bindArticle(put);
            upsertArticle.addBatch();
        }
        int[] counts = upsertArticle.executeBatch();
        List<Change> applied = new ArrayList<>();
        for (int i = 0; i < puts.size(); i++) {
            if (counts[i] != 0) {
                applied.add(puts.get(i));
            }
        }
        replaceChildren(applied);
    }

    /** Applies one change; the slow path that lets the caller tell which change the database refuses. */
    void write(Change change) throws SQLException {
        try {
            apply(change);
        } catch (SQLException e) {
            clearBatches();
            throw e;
        }
    }

    private void apply(Change change) throws SQLException {
        if (change.isDelete()) {
            deleteArticle.setString(1, change.id());
            deleteArticle.executeUpdate();
            return;
        }
        bindArticle(change);
        if (upsertArticle.executeUpdate() != 0) {
            replaceChildren(List.of(change));
        }
    }

    private void replaceChildren(Collection<Change> puts) throws SQLException {
        if (puts.isEmpty()) {
            return;
        }
        for (Change put : puts) {
            deleteEntities.setString(1, put.id());
            deleteEntities.addBatch();
            deleteFigures.setString(1, put.id());
            deleteFigures.addBatch();
        }
        deleteEntities.executeBatch();
        deleteFigures.executeBatch();
        int entities = 0;
        int figures = 0;
        for (Change put : puts) {
            entities += bindEntities(put);
            figures += bindFigures(put);
        }
        if (entities > 0) {
            insertEntity.executeBatch();
        }
        if (figures > 0) {
            insertFigure.executeBatch();
        }
    }

    private void bindArticle(Change put) throws SQLException {
        EnrichedArticle enriched = put.article();
        RawArticle article = enriched.getArticle();
        PreparedStatement s = upsertArticle;
        s.setString(1, put.id());
        s.setLong(2, put.version());
        s.setString(3, article.getContentHash());
        s.setString(4, enriched.getLanguage());
        s.setString(5, article.getHeadline());
        s.setString(6, article.getBody());
        s.setString(7, article.getByline());
        s.setString(8, article.getDateline());
        s.setString(9, article.getSource());
        s.setString(10, article.getSourceUri());
        s.setString(11, article.getGuid());
        setTimestamp(s, 12, article.getPublishedAt());
        setTimestamp(s, 13, article.getReceivedAt());
        setTimestamp(s, 14, enriched.getEnrichedAt());
        s.setString(15, enriched.getEnricherVersion());
        s.setString(16, AvroJson.write(article.getMetadata()));
        s.setString(17, AvroJson.write(enriched));
    }

    private int bindEntities(Change put) throws SQLException {
        List<Entity> entities = put.article().getEntities();
        for (int ordinal = 0; ordinal < entities.size(); ordinal++) {
            Entity entity = entities.get(ordinal);
            PreparedStatement s = insertEntity;
            s.setString(1, put.id());
            s.setInt(2, ordinal);
            s.setString(3, entity.getType().name());
            s.setString(4, entity.getText());
            s.setString(5, entity.getCanonicalId());
            s.setInt(6, entity.getStart());
            s.setInt(7, entity.getEnd());
            s.setDouble(8, entity.getConfidence());
            s.addBatch();
        }
        return entities.size();
    }

    private int bindFigures(Change put) throws SQLException {
        List<Figure> figures = put.article().getFigures();
        for (int ordinal = 0; ordinal < figures.size(); ordinal++) {
            Figure figure = figures.get(ordinal);
            PreparedStatement s = insertFigure;
            s.setString(1, put.id());
            s.setInt(2, ordinal);
            s.setString(3, figure.getKind().name());
            setDouble(s, 4, figure.getValue());
            setDouble(s, 5, figure.getMin());
            setDouble(s, 6, figure.getMax());
            s.setString(7, figure.getIsoValue());
            s.setString(8, figure.getUnit());
            s.setString(9, Units.key(figure.getUnit()));
            s.setString(10, figure.getCurrency());
            s.setString(11, figure.getText());
            s.setInt(12, figure.getStart());
            s.setInt(13, figure.getEnd());
            s.addBatch();
        }
        return figures.size();
    }

    private void setTimestamp(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, dialect.timestamp(instant));
        }
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    /** Drops what a failed batch left queued, which the driver would otherwise send with the next one. */
    private void clearBatches() throws SQLException {
        for (Statement statement : statements()) {
            statement.clearBatch();
        }
    }

    private List<Statement> statements() {
        return List.of(upsertArticle, deleteArticle, deleteEntities, deleteFigures, insertEntity, insertFigure);
    }

    @Override
    public void close() throws SQLException {
        for (Statement statement : statements()) {
            statement.close();
        }
    }
}
