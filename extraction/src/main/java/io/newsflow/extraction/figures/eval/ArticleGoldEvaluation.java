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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall per kind against an offset gold over stories kept outside the repository (the shared
 * {@code articles/} folder): the gold holds only file names, offsets and expected values, never the texts, so the
 * stories' licences are respected and the evaluation reads them where they live.
 *
 * <p>A found figure is right when a gold figure of the same story has its kind and exactly its span, its value (or
 * bounds), and the unit, currency and ISO value wherever the gold gives one. A span off by one word counts as one
 * miss and one unexpected figure: span errors are what downstream highlighting shows.
 */
public final class ArticleGoldEvaluation {

    public static final String BUNDLED_GOLD = "articles-gold.tsv";
    public static final Path DEFAULT_DIR = Path.of("..", "shared", "data", "articles");

    private record Expected(String file, int start, int end, FigureKind kind, Double value, Double min, Double max,
                            String unit, String currency, String iso, String surface) {
        @Override
        public String toString() {
            return kind + " [" + surface + "] " + start + "-" + end + " value=" + (value != null ? value
                    : min != null ? min + ".." + max : "-") + " unit=" + unit + " currency=" + currency + " iso=" + iso;
        }
    }

    private ArticleGoldEvaluation() {
    }

    /** The gold shipped with the tests, over the story folder {@code articles}; null when that folder is absent. */
    public static FigureGoldEvaluation.Result evaluate(String gold, Path articles, FigureExtractor extractor)
            throws IOException {
        if (!Files.isDirectory(articles)) {
            return null;
        }
        Map<String, LocalDate> published = published(articles.resolve("sources.tsv"));
        Map<String, List<Expected>> expected = new LinkedHashMap<>();
        for (String line : gold.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Expected e = parse(line.split("\t", -1));
            expected.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
        }
        Map<FigureKind, int[]> counts = new EnumMap<>(FigureKind.class);
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, List<Expected>> story : expected.entrySet()) {
            String file = story.getKey();
            String text = Files.readString(articles.resolve(file));
            String language = file.startsWith("ar") ? "ar" : file.startsWith("en") ? "en" : "other";
            List<FigureMention> found = extractor.extract(text, language, published.get(file));
            List<Expected> open = new ArrayList<>(story.getValue());
            for (Expected e : open) {
                counts.computeIfAbsent(e.kind(), k -> new int[3])[2]++;
            }
            for (FigureMention f : found) {
                counts.computeIfAbsent(f.kind(), k -> new int[3])[1]++;
                Expected match = open.stream().filter(e -> matches(e, f)).findFirst().orElse(null);
                if (match != null) {
                    open.remove(match);
                    counts.get(f.kind())[0]++;
                } else {
                    misses.add(file + "\tunexpected\t" + describe(f));
                }
            }
            for (Expected e : open) {
                misses.add(file + "\tmissed\t" + e);
            }
        }
        List<FigureGoldEvaluation.KindScore> scores = new ArrayList<>();
        counts.forEach((k, n) -> scores.add(new FigureGoldEvaluation.KindScore(k, n[0], n[1], n[2])));
        return new FigureGoldEvaluation.Result(scores, misses);
    }

    /** The bundled offset gold over {@code articles}; null when the folder is absent. */
    public static FigureGoldEvaluation.Result evaluateBundled(Path articles, FigureExtractor extractor)
            throws IOException {
        try (InputStream in = ArticleGoldEvaluation.class.getResourceAsStream(BUNDLED_GOLD)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUNDLED_GOLD);
            }
            return evaluate(new String(in.readAllBytes(), StandardCharsets.UTF_8), articles, extractor);
        }
    }

    /** Publication dates resolve relative dates as the pipeline would; Reuters writes them as 30-MAR-1987. */
    private static Map<String, LocalDate> published(Path sources) throws IOException {
        Map<String, LocalDate> dates = new HashMap<>();
        if (!Files.exists(sources)) {
            return dates;
        }
        DateTimeFormatter reuters = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-yyyy")
                .toFormatter(Locale.ENGLISH);
        List<String> lines = Files.readAllLines(sources);
        List<String> header = List.of(lines.get(0).split("\t"));
        int date = header.indexOf("date");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            if (date < 0 || c.length <= date) {
                continue;
            }
            String d = c[date].trim().split(" ")[0];
            try {
                dates.put(c[0], Character.isDigit(d.charAt(2)) || d.length() == 10 && d.charAt(4) == '-'
                        ? LocalDate.parse(d) : LocalDate.parse(d, reuters));
            } catch (RuntimeException e) {
                dates.put(c[0], null);
            }
        }
        return dates;
    }

    private static Expected parse(String[] c) {
        Double value = null;
        Double min = null;
        Double max = null;
        if (c[4].contains("..")) {
            min = Double.valueOf(c[4].substring(0, c[4].indexOf("..")));
            max = Double.valueOf(c[4].substring(c[4].indexOf("..") + 2));
        } else if (!c[4].equals("-")) {
            value = Double.valueOf(c[4]);
        }
        return new Expected(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), FigureKind.valueOf(c[3]), value,
                min, max, dash(c[5]), dash(c[6]), dash(c[7]), c.length > 8 ? c[8] : "");
    }

    private static String dash(String s) {
        return s.equals("-") ? null : s;
    }

    private static boolean matches(Expected e, FigureMention f) {
        return e.kind() == f.kind() && e.start() == f.start() && e.end() == f.end() && close(e.value(), f.value())
                && close(e.min(), f.min()) && close(e.max(), f.max())
                && (e.unit() == null || e.unit().equals(f.unit()))
                && (e.currency() == null || e.currency().equals(f.currency()))
                && (e.iso() == null || e.iso().equals(f.isoValue()));
    }

    private static boolean close(Double expected, Double got) {
        if (expected == null) {
            return true;
        }
        return got != null && Math.abs(expected - got) <= 1e-6 * Math.max(1, Math.abs(expected));
    }

    private static String describe(FigureMention f) {
        return f.kind() + " [" + f.text().replace("\n", "\\n") + "] " + f.start() + "-" + f.end() + " value="
                + (f.value() != null ? f.value() : f.min() + ".." + f.max()) + " unit=" + f.unit() + " currency="
                + f.currency() + " iso=" + f.isoValue();
    }
}
