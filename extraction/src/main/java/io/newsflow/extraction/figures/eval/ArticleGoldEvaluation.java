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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Precision and recall per kind against an offset gold over stories kept outside the repository: the shared
 * {@code articles/} folder (development stories, named by file) or the shared corpus (stories named by id, the
 * hand-annotated unseen check). The gold holds only story names, offsets and expected values, never the texts, so
 * the stories' licences are respected and the evaluation reads them where they live. More sets of corpus stories
 * (the {@code CORPUS_DEV*_GOLD} names) are development material scored the same way as the unseen check.
 *
 * <p>A found figure is right when a gold figure of the same story has its kind and exactly its span, its value (or
 * bounds), and the unit, currency and ISO value wherever the gold gives one. A span off by one word counts as one
 * miss and one unexpected figure: span errors are what downstream highlighting shows. The same stories are also
 * scored by value alone ({@link FigureGoldEvaluation.ValueScore}).
 */
public final class ArticleGoldEvaluation {

    public static final String BUNDLED_GOLD = "articles-gold.tsv";
    /** The hand-annotated corpus stories that no rule was written against. */
    public static final String UNSEEN_GOLD = "unseen-gold.tsv";
    /** Further hand-annotated corpus stories, chosen like the unseen ones but open to rule writing. */
    public static final String CORPUS_DEV_GOLD = "corpus-dev-gold.tsv";
    /** A third set of development stories, longer ones (reports, lists, tables), chosen under another seed. */
    public static final String CORPUS_DEV3_GOLD = "corpus-dev3-gold.tsv";
    /** A fourth set of development stories, chosen for their counts, under a fourth seed. */
    public static final String CORPUS_DEV4_GOLD = "corpus-dev4-gold.tsv";
    /** A fifth set of development stories, chosen for their counts (in English also counts in words). */
    public static final String CORPUS_DEV5_GOLD = "corpus-dev5-gold.tsv";
    /** A sixth set of development stories, Arabic only, annotated blind (before the extractor's output was seen). */
    public static final String CORPUS_DEV6_GOLD = "corpus-dev6-gold.tsv";
    /** A seventh set, Arabic stories chosen for their counts and annotated blind, before any output was read. */
    public static final String CORPUS_DEV7_GOLD = "corpus-dev7-gold.tsv";
    /** An eighth set, Arabic stories chosen by seed alone and annotated blind, before any output was read. */
    public static final String CORPUS_DEV8_GOLD = "corpus-dev8-gold.tsv";
    /** A ninth set, Arabic stories chosen by seed alone and annotated blind, before any output was read. */
    public static final String CORPUS_DEV9_GOLD = "corpus-dev9-gold.tsv";
    /** A tenth set, Arabic stories chosen by seed alone and annotated blind, before any output was read. */
    public static final String CORPUS_DEV10_GOLD = "corpus-dev10-gold.tsv";
    /** An eleventh set, Arabic stories chosen by seed alone and annotated blind, before any output was read. */
    public static final String CORPUS_DEV11_GOLD = "corpus-dev11-gold.tsv";
    /** A twelfth set, Arabic stories chosen by seed alone and annotated blind, before any output was read. */
    public static final String CORPUS_DEV12_GOLD = "corpus-dev12-gold.tsv";
    /** A thirteenth set, English stories chosen by seed alone and annotated blind, before any output was read. */
    public static final String CORPUS_DEV13_GOLD = "corpus-dev13-gold.tsv";
    /** A fourteenth set, Arabic stories chosen for their counts and annotated blind, before any output was read. */
    public static final String CORPUS_DEV14_GOLD = "corpus-dev14-gold.tsv";
    /** A fifteenth set, Arabic stories chosen for their counts and annotated blind, before any output was read. */
    public static final String CORPUS_DEV15_GOLD = "corpus-dev15-gold.tsv";
    public static final Path DEFAULT_DIR = Path.of("..", "shared", "data", "articles");
    public static final Path DEFAULT_CORPUS = Path.of("..", "shared", "data", "corpus", "news.jsonl");

    /** A story as the extractor gets it. */
    record Story(String text, String language, LocalDate published) {
    }

    /** An expected figure, located by its offsets in the story. */
    private record Expected(String story, int start, int end, FigureKind kind, GoldScoring.Values values,
                            String surface) implements GoldScoring.Located {
        @Override
        public boolean matches(FigureMention f) {
            return kind == f.kind() && start == f.start() && end == f.end() && values.agreeWith(f);
        }

        Expected in(String text) {
            return new Expected(story, start, end, kind, values, text.substring(start, end).replace("\n", "\\n"));
        }

        @Override
        public String toString() {
            return kind + " [" + surface + "] " + start + "-" + end + " " + values;
        }
    }

    private ArticleGoldEvaluation() {
    }

    /** The offset gold {@code gold} over the story folder {@code articles}; null when that folder is absent. */
    public static FigureGoldEvaluation.Result evaluate(String gold, Path articles, FigureExtractor extractor)
            throws IOException {
        if (!Files.isDirectory(articles)) {
            return null;
        }
        Map<String, LocalDate> published = published(articles.resolve("sources.tsv"));
        return evaluate(parse(gold), name -> new Story(read(articles.resolve(name)), languageOf(name),
                published.get(name)), null, extractor);
    }

    /** The bundled offset gold over {@code articles}; null when the folder is absent. */
    public static FigureGoldEvaluation.Result evaluateBundled(Path articles, FigureExtractor extractor)
            throws IOException {
        return evaluate(resource(BUNDLED_GOLD), articles, extractor);
    }

    /**
     * The unseen check: the hand-annotated stories of the shared corpus in {@code language} ("ar", "en", or null
     * for both); null when the corpus file is absent.
     */
    public static FigureGoldEvaluation.Result evaluateUnseen(Path corpus, String language, FigureExtractor extractor)
            throws IOException {
        return evaluateCorpus(UNSEEN_GOLD, corpus, language, extractor);
    }

    /**
     * The corpus stories of the bundled gold {@code gold} ({@link #UNSEEN_GOLD} or one of the {@code CORPUS_DEV*_GOLD}
     * sets) in {@code language} ("ar", "en", or null for both); null when the corpus file is absent.
     */
    public static FigureGoldEvaluation.Result evaluateCorpus(String gold, Path corpus, String language,
                                                             FigureExtractor extractor) throws IOException {
        if (!Files.isRegularFile(corpus)) {
            return null;
        }
        Map<String, List<Expected>> expected = parse(resource(gold));
        Map<String, Story> stories = CorpusStories.read(corpus, expected.keySet());
        return evaluate(expected, stories::get, language, extractor);
    }

    /** Prints the unseen check per language: {@code ArticleGoldEvaluation [corpus.jsonl]}. */
    public static void main(String[] args) throws IOException {
        Path corpus = args.length > 0 ? Path.of(args[0]) : DEFAULT_CORPUS;
        FigureExtractor extractor = FigureExtractor.create();
        for (String language : new String[] {"ar", "en"}) {
            FigureGoldEvaluation.Result result = evaluateUnseen(corpus, language, extractor);
            if (result == null) {
                System.err.println("no corpus at " + corpus.toAbsolutePath());
                System.exit(2);
            }
            // No list of misses: rules are not to be written against these stories.
            System.out.print("unseen stories (" + language + ")\n" + result.report());
        }
    }

    private static FigureGoldEvaluation.Result evaluate(Map<String, List<Expected>> expected,
                                                        Function<String, Story> stories,
                                                        String language, FigureExtractor extractor) {
        GoldScoring scoring = new GoldScoring();
        for (Map.Entry<String, List<Expected>> entry : expected.entrySet()) {
            Story story = stories.apply(entry.getKey());
            if (story == null) {
                throw new IllegalStateException("the gold names a story that is not there: " + entry.getKey());
            }
            if (language != null && !language.equals(story.language())) {
                continue;
            }
            List<Expected> gold = entry.getValue().stream().map(e -> e.in(story.text())).toList();
            List<FigureMention> found = extractor.extract(story.text(), story.language(), story.published());
            scoring.story(entry.getKey(), gold, found);
            scoring.values(gold, found);
        }
        return scoring.result();
    }

    private static Map<String, List<Expected>> parse(String gold) {
        Map<String, List<Expected>> expected = new LinkedHashMap<>();
        for (String[] c : GoldScoring.rows(gold)) {
            Expected e = new Expected(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), FigureKind.valueOf(c[3]),
                    GoldScoring.Values.parse(c[4], c[5], c[6], c[7]), c.length > 8 ? c[8] : "");
            expected.computeIfAbsent(e.story(), k -> new ArrayList<>()).add(e);
        }
        return expected;
    }

    private static String languageOf(String file) {
        return file.startsWith("ar") ? "ar" : file.startsWith("en") ? "en" : "other";
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ArticleGoldEvaluation.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
