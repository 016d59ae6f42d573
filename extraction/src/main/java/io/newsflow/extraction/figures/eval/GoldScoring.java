package io.newsflow.extraction.figures.eval;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores stories' extracted figures against their gold, one story at a time: each found figure takes the first
 * expected figure it matches, at most once; counts per kind, and lists what was missed and what was unexpected.
 */
final class GoldScoring {

    /** One expected figure; how it locates its figure in the story (offsets, surface text) is its own. */
    interface Gold {
        FigureKind kind();

        boolean matches(FigureMention found);
    }

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

    FigureGoldEvaluation.Result result() {
        List<FigureGoldEvaluation.KindScore> scores = new ArrayList<>();
        counts.forEach((k, n) -> scores.add(new FigureGoldEvaluation.KindScore(k, n[0], n[1], n[2])));
        return new FigureGoldEvaluation.Result(scores, misses);
    }

    private static String describe(FigureMention f) {
        return f.kind() + " [" + f.text().replace("\n", "\\n") + "] " + f.start() + "-" + f.end() + " "
                + new Values(f.value(), f.min(), f.max(), f.unit(), f.currency(), f.isoValue());
    }
}
