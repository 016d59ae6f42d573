package io.newsflow.extraction.figures.eval;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import io.newsflow.extraction.figures.FigureExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy of the figures extractor on the shared number cases ({@code shared/data/numbers/{ar,en}.tsv}, converted
 * from Duckling's and Recognizers-Text's test suites), per kind, for the kinds the project sets a floor on:
 * number, ordinal, percent and money.
 *
 * <p>Scoring is strict: a row is right only when its expected span is found in its text and some figure of the
 * row's kind overlaps that span with the expected value; a money row also needs the currency upstream names (a name
 * this class does not know, or a figure without a currency, is wrong; upstream's "Cent" and "Satoshi" values are
 * in the minor unit). Rows upstream only checks by span ({@code ignoreResolution}) are also right when a figure
 * covers exactly that span. Rows with no value to compare and rows Duckling only returns in "latent" mode are not
 * scored, and are counted separately.
 */
public final class NumberCasesEvaluation {

    /** The kinds scored, each with its own floor in the tests. */
    public static final List<String> KINDS = List.of("number", "ordinal", "percent", "money");

    private static final Map<String, Set<String>> CURRENCY_NAMES = Map.of(
            "Dollar", Set.of("USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"),
            "Cent", Set.of("USD", "EUR", "CAD", "AUD"),
            "Pound", Set.of("GBP", "EGP", "LBP", "SYP", "SDG"),
            "Euro", Set.of("EUR"),
            "Rial", Set.of("SAR", "QAR", "OMR", "YER", "IRR"),
            "Franc", Set.of("FRF", "CHF", "BEF", "LUF"),
            "Peseta", Set.of("ESP"),
            "Rupee", Set.of("INR", "PKR"),
            "Bitcoin", Set.of("XBT"),
            "Satoshi", Set.of("XBT"));

    /** Upstream names whose values are in a minor unit, with the minor units per major unit. */
    private static final Map<String, Double> MINOR_UNITS = Map.of("Cent", 100.0, "Satoshi", 1e8);

    /** Upstream's name for money whose currency the text leaves to the reader ("42 bucks"): any currency will do. */
    private static final String UNNAMED = "Unnamed";

    /** Right and scored rows of one kind, overall and without the rows upstream marks notSupported. */
    public record KindScore(String kind, int right, int total, int supportedRight, int supportedTotal) {
        public double accuracy() {
            return total == 0 ? 1 : (double) right / total;
        }
    }

    /** A row that was not right, with what the extractor found in its text. */
    public record Miss(String kind, String text, String expectedValue, String expectedSpan, String found) {
    }

    public record Result(String language, List<KindScore> scores, int notScored, List<Miss> misses) {
        public KindScore score(String kind) {
            return scores.stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
        }

        /** Right rows over all rows of the floor kinds. */
        public double overall() {
            int right = scores.stream().mapToInt(KindScore::right).sum();
            int total = scores.stream().mapToInt(KindScore::total).sum();
            return total == 0 ? 1 : (double) right / total;
        }

        public String report() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "number cases (%s)%n", language));
            sb.append(String.format(Locale.ROOT, "%-8s %6s %6s %8s   %s%n", "kind", "right", "rows", "accuracy",
                    "without notSupported rows"));
            for (KindScore s : scores) {
                sb.append(String.format(Locale.ROOT, "%-8s %6d %6d %7.1f%%   %d/%d%n", s.kind(), s.right(), s.total(),
                        100 * s.accuracy(), s.supportedRight(), s.supportedTotal()));
            }
            sb.append(String.format(Locale.ROOT, "%-8s %6s %6s %7.1f%%%n", "all", "", "", 100 * overall()));
            sb.append(String.format(Locale.ROOT, "not scored (latent or no value): %d%n", notScored));
            return sb.toString();
        }

        public String missesReport() {
            StringBuilder sb = new StringBuilder();
            for (Miss m : misses) {
                sb.append(m.kind()).append('\t').append(m.text()).append('\t').append(m.expectedValue()).append('\t')
                        .append(m.expectedSpan()).append("\t→ ").append(m.found()).append('\n');
            }
            return sb.toString();
        }
    }

    private NumberCasesEvaluation() {
    }

    public static Result evaluate(Path tsv) throws IOException {
        return evaluate(tsv, FigureExtractor.create());
    }

    /** @param tsv a cases file; its language is the file name's prefix ({@code ar.tsv}, {@code en.tsv}) */
    public static Result evaluate(Path tsv, FigureExtractor extractor) throws IOException {
        String language = tsv.getFileName().toString().substring(0, 2);
        List<String> lines = Files.readAllLines(tsv);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String k : KINDS) {
            counts.put(k, new int[4]);
        }
        List<Miss> misses = new ArrayList<>();
        int notScored = 0;
        Map<String, List<FigureMention>> cache = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            String kind = c[2];
            if (!counts.containsKey(kind)) {
                continue;
            }
            String flags = c.length > 7 ? c[7] : "";
            if (c[1].isEmpty() || c[1].equals("null") || flags.contains("latent")) {
                notScored++;
                continue;
            }
            List<FigureMention> found = cache.computeIfAbsent(c[0], t -> extractor.extract(t, language, null));
            boolean right = isRight(c[0], Double.parseDouble(c[1]), kind, c[3], c[4], Integer.parseInt(c[5]),
                    flags.contains("ignoreResolution"), found);
            boolean supported = !flags.contains("notSupported");
            int[] n = counts.get(kind);
            n[1]++;
            n[0] += right ? 1 : 0;
            if (supported) {
                n[3]++;
                n[2] += right ? 1 : 0;
            }
            if (!right) {
                misses.add(new Miss(kind, c[0], c[1], c[4], describe(found)));
            }
        }
        List<KindScore> scores = new ArrayList<>();
        counts.forEach((k, n) -> scores.add(new KindScore(k, n[0], n[1], n[2], n[3])));
        return new Result(language, scores, notScored, misses);
    }

    private static boolean isRight(String text, double expected, String kind, String unit, String span, int start,
                                   boolean spanOnly, List<FigureMention> found) {
        int[] where = locate(text, span, start);
        if (where == null) {
            return false;
        }
        for (FigureMention f : found) {
            if (f.start() >= where[1] || where[0] >= f.end()) {
                continue;
            }
            if (spanOnly && f.start() == where[0] && f.end() == where[1]) {
                return true;
            }
            if (kindMatches(kind, f) && valueMatches(expected, kind, unit, f)) {
                return true;
            }
        }
        return false;
    }

    private static int[] locate(String text, String span, int start) {
        if (span.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String s = span.toLowerCase(Locale.ROOT);
        int at = start >= 0 && lower.startsWith(s, start) ? start : lower.indexOf(s);
        return at < 0 ? null : new int[] {at, at + span.length()};
    }

    private static boolean kindMatches(String kind, FigureMention f) {
        return switch (kind) {
            case "ordinal" -> f.kind() == FigureKind.ORDINAL;
            case "percent" -> f.kind() == FigureKind.PERCENT;
            case "money" -> f.kind() == FigureKind.MONEY;
            default -> f.value() != null && f.kind() != FigureKind.ORDINAL;
        };
    }

    private static boolean valueMatches(double expected, String kind, String unit, FigureMention f) {
        double got = f.value();
        if (kind.equals("money")) {
            String name = unit.contains("|") ? unit.substring(0, unit.indexOf('|')) : unit;
            got *= MINOR_UNITS.getOrDefault(name, 1.0);
            if (!currencyMatches(unit, name, f.currency())) {
                return false;
            }
        }
        return Math.abs(got - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
    }

    private static boolean currencyMatches(String unit, String name, String currency) {
        int iso = unit.indexOf("isoCurrency=");
        if (iso >= 0) {
            return unit.substring(iso + 12).equals(currency);
        }
        if (name.matches("[A-Z]{3}")) {
            return name.equals(currency);
        }
        if (currency == null) {
            return false;
        }
        if (name.equals(UNNAMED)) {
            return true;
        }
        Set<String> accepted = CURRENCY_NAMES.get(name);
        return accepted != null && accepted.contains(currency);
    }

    private static String describe(List<FigureMention> found) {
        StringBuilder sb = new StringBuilder();
        for (FigureMention f : found) {
            sb.append(f.kind()).append(' ').append(f.value() != null ? f.value() : f.min() + ".." + f.max())
                    .append(f.currency() != null ? " " + f.currency() : "").append(" [").append(f.text()).append("] ");
        }
        return sb.length() == 0 ? "nothing" : sb.toString().trim();
    }
}
