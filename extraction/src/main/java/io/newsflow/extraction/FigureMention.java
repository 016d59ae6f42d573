package io.newsflow.extraction;

/**
 * A figure reported in a story.
 *
 * @param value    the normalized number; null for DATE and for RANGE (see min/max)
 * @param min      lower bound of a RANGE, else null
 * @param max      upper bound of a RANGE, else null
 * @param isoValue ISO-8601 value for DATE (possibly partial, e.g. {@code 2017-02}) and DURATION (e.g. {@code P2D}), else null
 * @param unit     normalized counted noun or unit (e.g. {@code متهم}, {@code expert}, {@code tonne}), or null
 * @param currency ISO 4217 code for MONEY, else null
 */
public record FigureMention(FigureKind kind, Double value, Double min, Double max, String isoValue,
                            String unit, String currency, String text, int start, int end) {
}
