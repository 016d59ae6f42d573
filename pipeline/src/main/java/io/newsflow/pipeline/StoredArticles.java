package io.newsflow.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads back what the sink stored in the demo's SQLite file: presence of articles, and a per-article summary. */
final class StoredArticles {

    record Totals(int articles, int entities, int figures) {
    }

    private final String url;

    StoredArticles(Path database) {
        this.url = "jdbc:sqlite:" + database;
    }

    boolean awaitAll(Collection<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (countStored(ids) == ids.size()) {
                    return true;
                }
            } catch (SQLException notYet) {
                // the sink creates the tables when the connector starts; until then there is nothing to count
            }
            Thread.sleep(500);
        }
        return false;
    }

    private int countStored(Collection<String> ids) throws SQLException {
        int stored = 0;
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM articles WHERE id = ?")) {
            for (String id : ids) {
                exists.setString(1, id);
                try (ResultSet row = exists.executeQuery()) {
                    stored += row.next() ? 1 : 0;
                }
            }
        }
        return stored;
    }

    /** Prints one block per article (headline, language, counts, the first figures) and returns the totals. */
    Totals report(Collection<String> ids, PrintStream out) throws SQLException {
        int articles = 0;
        int entities = 0;
        int figures = 0;
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement article = connection.prepareStatement("""
                     SELECT headline, language,
                            (SELECT count(*) FROM article_entities e WHERE e.article_id = a.id),
                            (SELECT count(*) FROM article_figures f WHERE f.article_id = a.id)
                     FROM articles a WHERE id = ?""");
             PreparedStatement topFigures = connection.prepareStatement("""
                     SELECT text, kind, unit, currency FROM article_figures
                     WHERE article_id = ? ORDER BY ordinal LIMIT 4""")) {
            for (String id : ids.stream().sorted().toList()) {
                article.setString(1, id);
                try (ResultSet row = article.executeQuery()) {
                    if (!row.next()) {
                        out.printf("%s  (not stored)%n", id);
                        continue;
                    }
                    articles++;
                    entities += row.getInt(3);
                    figures += row.getInt(4);
                    out.printf("[%s] %s%n      %d entities, %d figures%s%n", row.getString(2), row.getString(1),
                            row.getInt(3), row.getInt(4), describeFigures(topFigures, id));
                }
            }
        }
        return new Totals(articles, entities, figures);
    }

    private static String describeFigures(PreparedStatement topFigures, String id) throws SQLException {
        topFigures.setString(1, id);
        List<String> parts = new ArrayList<>();
        try (ResultSet rows = topFigures.executeQuery()) {
            while (rows.next()) {
                String what = rows.getString(4) != null ? rows.getString(4) : rows.getString(3);
                parts.add(rows.getString(1) + " (" + rows.getString(2).toLowerCase() + (what == null ? "" : " " + what) + ")");
            }
        }
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }
}
