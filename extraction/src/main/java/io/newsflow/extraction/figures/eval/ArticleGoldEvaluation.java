package io.newsflow.extraction.figures.eval;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import io.newsflow.extraction.figures.FigureExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
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

    /** An expected figure, located by its offsets in the story. */
    private record Expected(String file, int start, int end, FigureKind kind, GoldScoring.Values values,
                            String surface) implements GoldScoring.Gold {
        @Override
        public boolean matches(FigureMention f) {
            return kind == f.kind() && start == f.start() && end == f.end() && values.agreeWith(f);
        }

        @Override
        public String toString() {
            return kind + " [" + surface + "] " + start + "-" + end + " " + values;
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
        GoldScoring scoring = new GoldScoring();
        for (Map.Entry<String, List<Expected>> story : expected.entrySet()) {
            String file = story.getKey();
            String text = Files.readString(articles.resolve(file));
            String language = file.startsWith("ar") ? "ar" : file.startsWith("en") ? "en" : "other";
            scoring.story(file, story.getValue(), extractor.extract(text, language, published.get(file)));
        }
        return scoring.result();
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
        return new Expected(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), FigureKind.valueOf(c[3]),
                GoldScoring.Values.parse(c[4], c[5], c[6], c[7]), c.length > 8 ? c[8] : "");
    }
}
