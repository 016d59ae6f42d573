package io.newsflow.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line's text tables ({@code status}, {@code query}): columns two spaces apart, each as wide as its widest
 * cell. Widths count code points, not chars, so a row holding an emoji stays aligned.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    String render() {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - width(row[c]) + 2));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** {@code text} on one line, cut to {@code max} code points so an emoji is never split. */
    static String cell(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return width(oneLine) <= max ? oneLine : oneLine.substring(0, oneLine.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
