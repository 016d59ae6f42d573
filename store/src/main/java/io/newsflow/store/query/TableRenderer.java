package io.newsflow.store.query;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** A plain-text table sized to its content, each cell cut to a readable width. */
final class TableRenderer implements MatchRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String[] HEADER = {"DATE", "LANG", "HEADLINE", "ENTITIES", "FIGURES"};
    private static final int[] MAX_WIDTH = {10, 4, 60, 50, 50};

    @Override
    public void render(List<ArticleMatch> matches, Appendable out) throws IOException {
        List<String[]> rows = matches.stream().map(TableRenderer::cells).toList();
        int[] widths = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            widths[c] = HEADER[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        line(HEADER, widths, out);
        for (String[] row : rows) {
            line(row, widths, out);
        }
        out.append(String.valueOf(matches.size())).append(matches.size() == 1 ? " article" : " articles")
                .append(System.lineSeparator());
    }

    private static String[] cells(ArticleMatch match) {
        String entities = match.entities().stream()
                .map(e -> e.canonicalId() == null ? e.text() : e.text() + " (" + e.canonicalId() + ")")
                .distinct().collect(Collectors.joining("; "));
        String figures = match.figures().stream().map(ArticleMatch.Figure::text).distinct()
                .collect(Collectors.joining("; "));
        String[] cells = {match.publishedAt() == null ? "-" : DAY.format(match.publishedAt()), match.language(),
            match.headline(), entities, figures};
        for (int c = 0; c < cells.length; c++) {
            cells[c] = cut(cells[c].replaceAll("\\s+", " "), MAX_WIDTH[c]);
        }
        return cells;
    }

    private static void line(String[] cells, int[] widths, Appendable out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(cells[c]);
            if (c < cells.length - 1) {
                line.append(" ".repeat(widths[c] - width(cells[c]) + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    /** Cuts by code points, not chars, so an Arabic or emoji character is never split. */
    private static String cut(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
