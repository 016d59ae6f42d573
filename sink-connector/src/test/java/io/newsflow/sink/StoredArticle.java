package io.newsflow.sink;

import io.newsflow.store.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An article as a user reads it back from the store with plain SQL. */
record StoredArticle(String id, long version, String language, String headline, String record,
        List<String> entities, List<String> figures) {

    /** @return entities as "TYPE text canonical_id", figures as "KIND value unit/unit_key", each in ordinal order */
    static Optional<StoredArticle> find(TestDatabase db, String id) {
        try (Connection connection = db.connect()) {
            StoredArticle article;
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT version, language, headline, record FROM articles WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    article = new StoredArticle(id, rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), new ArrayList<>(), new ArrayList<>());
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT type, text, canonical_id FROM article_entities WHERE article_id = ? ORDER BY ordinal")) {
                s.setString(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        article.entities().add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT kind, value, unit, unit_key FROM article_figures WHERE article_id = ? ORDER BY ordinal")) {
                s.setString(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        article.figures().add(rows.getString(1) + " " + rows.getDouble(2) + " " + rows.getString(3)
                                + "/" + rows.getString(4));
                    }
                }
            }
            return Optional.of(article);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
