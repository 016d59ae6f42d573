package io.newsflow.extraction.figures.eval;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import io.newsflow.extraction.figures.FigureExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Precision and recall per figure kind on annotated stories: a folder with story files and a {@code gold.tsv}
 * listing, per story, every figure a reader expects (kind, surface text, value or range, unit, currency, ISO value).
 * The project's own sample stories ship as the bundled gold set.
 *
 * <p>A found figure is right when an unmatched expected figure of the same story has its text and kind, its value
 * (or range), and the unit, currency and ISO value wherever the gold gives one.
 */
public final class FigureGoldEvaluation {

    private static final String BUNDLED = "/io/newsflow/extraction/figures/gold/";

    /** Figures right of those found and of those expected; with none found or none expected the rate is 1. */
    public interface Rates {
        int right();

        int found();

        int expected();

        default double precision() {
            return found() == 0 ? 1 : (double) right() / found();
        }

        default double recall() {
            return expected() == 0 ? 1 : (double) right() / expected();
        }
    }

    public record KindScore(FigureKind kind, int right, int found, int expected) implements Rates {
    }

    /**
     * Figures matched by overlapping span, kind and value alone (see {@code GoldScoring}), and of those matches how
     * many counts and quantities have the right counted noun or unit and how many money figures the right currency.
     */
    public record ValueScore(int right, int found, int expected, int unitsRight, int unitsScored,
                             int currenciesRight, int currenciesScored) implements Rates {
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double unitsShare() {
            return unitsScored == 0 ? 1 : (double) unitsRight / unitsScored;
        }

        public double currenciesShare() {
            return currenciesScored == 0 ? 1 : (double) currenciesRight / currenciesScored;
        }
    }

    /** @param values the value-level score where the gold is located by offsets, else null */
    public record Result(List<KindScore> scores, List<String> misses, ValueScore values) {
        public KindScore score(FigureKind kind) {
            return scores.stream().filter(s -> s.kind() == kind).findFirst()
                    .orElse(new KindScore(kind, 0, 0, 0));
        }

        public KindScore total() {
            int right = 0;
            int found = 0;
            int expected = 0;
            for (KindScore s : scores) {
                right += s.right();
                found += s.found();
                expected += s.expected();
            }
            return new KindScore(null, right, found, expected);
        }

        public String report() {
            StringBuilder sb = new StringBuilder("figures gold set\n");
            sb.append(String.format(Locale.ROOT, "%-9s %6s %6s %9s %9s %7s%n", "kind", "found", "gold", "precision",
                    "recall", "right"));
            for (KindScore s : scores) {
                sb.append(String.format(Locale.ROOT, "%-9s %6d %6d %8.1f%% %8.1f%% %7d%n", s.kind(), s.found(),
                        s.expected(), 100 * s.precision(), 100 * s.recall(), s.right()));
            }
            KindScore t = total();
            sb.append(String.format(Locale.ROOT, "%-9s %6d %6d %8.1f%% %8.1f%% %7d%n", "all", t.found(), t.expected(),
                    100 * t.precision(), 100 * t.recall(), t.right()));
            if (values != null) {
                sb.append(String.format(Locale.ROOT,
                        "by value: F1 %.1f (P %.1f%% / R %.1f%%, %d of %d found, %d gold)%n"
                                + "  counted noun or unit right: %d of %d matched counts and quantities (%.1f%%)%n"
                                + "  currency right: %d of %d matched money figures (%.1f%%)%n",
                        100 * values.f1(), 100 * values.precision(), 100 * values.recall(), values.right(),
                        values.found(), values.expected(), values.unitsRight(), values.unitsScored(),
                        100 * values.unitsShare(), values.currenciesRight(), values.currenciesScored(),
                        100 * values.currenciesShare()));
            }
            return sb.toString();
        }
    }

    /** An expected figure, located by its surface text. */
    private record Expected(FigureKind kind, String text, GoldScoring.Values values) implements GoldScoring.Gold {
        @Override
        public boolean matches(FigureMention f) {
            return kind == f.kind() && text.equals(f.text()) && values.agreeWith(f);
        }

        @Override
        public String toString() {
            return kind + " [" + text + "] " + values;
        }
    }

    private FigureGoldEvaluation() {
    }

    /** The project's own annotated sample stories, bundled with the library. */
    public static Result evaluateBundled(FigureExtractor extractor) {
        return evaluate(read(BUNDLED + "gold.tsv"), name -> read(BUNDLED + name), extractor);
    }

    /** A folder holding {@code gold.tsv} and the story files it names. */
    public static Result evaluate(Path folder, FigureExtractor extractor) throws IOException {
        String gold = Files.readString(folder.resolve("gold.tsv"));
        return evaluate(gold, name -> {
            try {
                return Files.readString(folder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, extractor);
    }

    private static Result evaluate(String gold, Function<String, String> stories, FigureExtractor extractor) {
        Map<String, List<Expected>> expected = new LinkedHashMap<>();
        Map<String, String[]> meta = new LinkedHashMap<>();
        for (String[] c : GoldScoring.rows(gold)) {
            meta.putIfAbsent(c[0], c);
            expected.computeIfAbsent(c[0], k -> new ArrayList<>()).add(parse(c));
        }
        GoldScoring scoring = new GoldScoring();
        for (Map.Entry<String, List<Expected>> story : expected.entrySet()) {
            String[] m = meta.get(story.getKey());
            LocalDate published = m[2].equals("-") ? null : LocalDate.parse(m[2]);
            scoring.story(story.getKey(), story.getValue(), extractor.extract(stories.apply(story.getKey()), m[1], published));
        }
        return scoring.result();
    }

    private static Expected parse(String[] c) {
        return new Expected(FigureKind.valueOf(c[3]), c[4], GoldScoring.Values.parse(c[5], c[6], c[7], c[8]));
    }

    private static String read(String resource) {
        try (InputStream in = FigureGoldEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
