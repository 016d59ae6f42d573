package io.newsflow.extraction.figures.eval;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores stories' extracted figures against their gold, one story at a time: each found figure takes the first
 * expected figure it matches, at most once; counts per kind, and lists what was missed and what was unexpected.
 *
 * <p>Gold located by offsets is also scored by value alone: a found figure matches an expected one when their spans
 * overlap, their kinds agree (the amounts COUNT, NUMBER, QUANTITY and MONEY agree with each other) and the value
 * agrees (the number, a range's bounds, or a date's ISO value). Of those matches, the counted noun or unit of the
 * counts and quantities and the currency of the money are scored apart, so a figure whose number is right but whose
 * noun is wrong shows as such rather than as one miss and one unexpected figure.
 */
final class GoldScoring {

    /** One expected figure; how it locates its figure in the story (offsets, surface text) is its own. */
    interface Gold {
        FigureKind kind();

        boolean matches(FigureMention found);
    }

    /** An expected figure at known offsets of its story. */
    interface Located extends Gold {
        int start();

        int end();

        Values values();
    }

    /** The rows of a gold file, split at tabs: every line but blank ones and # comments. */
    static List<String[]> rows(String gold) {
        List<String[]> rows = new ArrayList<>();
        for (String line : gold.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static final Set<FigureKind> AMOUNTS = EnumSet.of(FigureKind.COUNT, FigureKind.NUMBER,
            FigureKind.QUANTITY, FigureKind.MONEY);

    /**
     * What an expected figure says of its value: a number, or a range written {@code min..max}, and its unit,
     * currency and ISO value, {@code -} where the gold leaves them out (a left-out field matches anything).
     */
    record Values(Double value, Double min, Double max, String unit, String currency, String iso) {

        static Values parse(String value, String unit, String currency, String iso) {
            if (value.contains("..")) {
                return new Values(null, Double.valueOf(value.substring(0, value.indexOf(".."))),
                        Double.valueOf(value.substring(value.indexOf("..") + 2)), dash(unit), dash(currency), dash(iso));
            }
            return new Values(value.equals("-") ? null : Double.valueOf(value), null, null, dash(unit), dash(currency),
                    dash(iso));
        }

        /** The number, a range's bounds or, where the gold gives neither, the ISO value. */
        boolean sameValue(FigureMention f) {
            if (value != null) {
                return close(value, f.value());
            }
            if (min != null) {
                return close(min, f.min()) && close(max, f.max());
            }
            return iso != null && iso.equals(f.isoValue());
        }

        boolean agreeWith(FigureMention f) {
            return close(value, f.value()) && close(min, f.min()) && close(max, f.max())
                    && (unit == null || unit.equals(f.unit()))
                    && (currency == null || currency.equals(f.currency()))
                    && (iso == null || iso.equals(f.isoValue()));
        }

        @Override
        public String toString() {
            return "value=" + (value != null ? value : min != null ? min + ".." + max : "-") + " unit=" + unit
                    + " currency=" + currency + " iso=" + iso;
        }

        private static String dash(String s) {
            return s.equals("-") ? null : s;
        }

        private static boolean close(Double expected, Double got) {
            if (expected == null) {
                return true;
            }
            return got != null && Math.abs(expected - got) <= 1e-6 * Math.max(1, Math.abs(expected));
        }
    }

    private final Map<FigureKind, int[]> counts = new EnumMap<>(FigureKind.class);
    private final List<String> misses = new ArrayList<>();
    private boolean located;
    private int valuesRight;
    private int valuesFound;
    private int valuesExpected;
    private int unitsRight;
    private int unitsScored;
    private int currenciesRight;
    private int currenciesScored;

    void story(String name, List<? extends Gold> expected, List<FigureMention> found) {
        List<Gold> open = new ArrayList<>(expected);
        for (Gold e : open) {
            counts.computeIfAbsent(e.kind(), k -> new int[3])[2]++;
        }
        for (FigureMention f : found) {
            counts.computeIfAbsent(f.kind(), k -> new int[3])[1]++;
            Gold match = open.stream().filter(e -> e.matches(f)).findFirst().orElse(null);
            if (match != null) {
                open.remove(match);
                counts.get(f.kind())[0]++;
            } else {
                misses.add(name + "\tunexpected\t" + describe(f));
            }
        }
        for (Gold e : open) {
            misses.add(name + "\tmissed\t" + e);
        }
    }

    /** The value-level tally of one story whose gold is located by offsets. */
    void values(List<? extends Located> expected, List<FigureMention> found) {
        located = true;
        valuesExpected += expected.size();
        valuesFound += found.size();
        List<Located> open = new ArrayList<>(expected);
        for (FigureMention f : found) {
            Located match = open.stream().filter(e -> sameFigure(e, f)).findFirst().orElse(null);
            if (match == null) {
                continue;
            }
            open.remove(match);
            valuesRight++;
            Values gold = match.values();
            if ((match.kind() == FigureKind.COUNT || match.kind() == FigureKind.QUANTITY) && gold.unit() != null) {
                unitsScored++;
                unitsRight += gold.unit().equals(f.unit()) ? 1 : 0;
            }
            if (match.kind() == FigureKind.MONEY && gold.currency() != null) {
                currenciesScored++;
                currenciesRight += f.kind() == FigureKind.MONEY && gold.currency().equals(f.currency()) ? 1 : 0;
            }
        }
    }

    private static boolean sameFigure(Located e, FigureMention f) {
        boolean kinds = e.kind() == f.kind() || AMOUNTS.contains(e.kind()) && AMOUNTS.contains(f.kind());
        return kinds && f.start() < e.end() && e.start() < f.end() && e.values().sameValue(f);
    }

    FigureGoldEvaluation.Result result() {
        List<FigureGoldEvaluation.KindScore> scores = new ArrayList<>();
        counts.forEach((k, n) -> scores.add(new FigureGoldEvaluation.KindScore(k, n[0], n[1], n[2])));
        FigureGoldEvaluation.ValueScore values = located ? new FigureGoldEvaluation.ValueScore(valuesRight,
                valuesFound, valuesExpected, unitsRight, unitsScored, currenciesRight, currenciesScored) : null;
        return new FigureGoldEvaluation.Result(scores, misses, values);
    }

    private static String describe(FigureMention f) {
        return f.kind() + " [" + f.text().replace("\n", "\\n") + "] " + f.start() + "-" + f.end() + " "
                + new Values(f.value(), f.min(), f.max(), f.unit(), f.currency(), f.isoValue());
    }
}
