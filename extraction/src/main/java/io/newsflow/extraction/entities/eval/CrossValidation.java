package io.newsflow.extraction.entities.eval;

import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.entities.AnnotationConvention;
import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.neural.AdamTrainer;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.neural.WordVectors;
import io.newsflow.extraction.entities.tagger.ChunkScore;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.EntityBias;
import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Tokens;
import io.newsflow.extraction.entities.train.NerTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * K-fold cross-validation of the whole recognizer: the sentences are cut into K blocks of consecutive sentences
 * (stories stay together, so a fold is text the tagger has not seen the like of, as a new story is), and for each
 * block the taggers are trained on the others exactly as {@link NerTrainer} trains the shipped model, then the
 * recognizer (tagger, gazetteer and rules) is scored on the block as {@link ConllEvaluation} scores a file. The
 * mean over folds predicts unseen text better than one dev split, and the spread says which differences are noise.
 * The backend of {@code news-pipeline eval ner --cv K}.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Fold {@code number} (from 1) holds sentences {@code [from, to)}. */
    public record Fold(int number, int from, int to) {
    }

    /** K contiguous, disjoint blocks covering {@code sentences} sentences, their sizes differing by at most one. */
    public static List<Fold> folds(int sentences, int k) {
        if (k < 2 || k > sentences) {
            throw new IllegalArgumentException("cannot cut " + sentences + " sentences into " + k + " folds");
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            folds.add(new Fold(f + 1, (int) ((long) sentences * f / k), (int) ((long) sentences * (f + 1) / k)));
        }
        return folds;
    }

    /** One fold's scores under the corpus convention and the product convention. */
    public record FoldScore(Fold fold, ChunkScore score, ChunkScore productScore) {
    }

    /**
     * The folds' scores, in fold order, of one decoding setting: the taggers decoding with {@code bias}
     * ({@code null}: the recognizer's own setting), or with a neural tagger's scores as {@code setting} says.
     */
    public record Decoding(String setting, EntityBias bias, List<FoldScore> folds) {
    }

    /**
     * Per fold, a {@link NeuralTagger} trained on the fold's training blocks over the word vectors cached in
     * {@code vectors} (learned there first from the run's corpus and sentences, see {@link WordVectors#cached}), its
     * log-probabilities times each of {@code weights} added to the perceptron's scores before decoding (0: the
     * recognizer as shipped), and then alone in place of the perceptron's scores.
     */
    public record Neural(Path vectors, List<Float> weights, List<Float> belowMargins, NeuralTagger.Shape shape,
                         AdamTrainer.Settings settings) {
    }

    /** The scores of the folds that were run, one {@link Decoding} per entity bias asked for. */
    public record Result(String language, AnnotationConvention convention, int sentences, int k,
                         List<Decoding> decodings) {

        /** The first decoding's folds. */
        public List<FoldScore> folds() {
            return decodings.get(0).folds();
        }

        /** Mean F1 over the first decoding's folds under the corpus convention. */
        public double meanF1() {
            return mean(folds().stream().mapToDouble(f -> f.score().f1()).toArray());
        }

        public String report() {
            List<FoldScore> folds = folds();
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "cross-validation (%s): %d folds of contiguous sentences over %d "
                            + "sentences, the whole recognizer retrained per fold; %d fold(s) run%n",
                    language, k, sentences, folds.size()));
            EntityBias first = decodings.get(0).bias();
            if (first != null) {
                b.append(String.format(Locale.ROOT, "entity bias %s%n", first));
            } else if (decodings.size() > 1) {
                b.append(String.format(Locale.ROOT, "decoding %s%n", decodings.get(0).setting()));
            }
            b.append(String.format(Locale.ROOT, "%-5s %-13s %8s %8s %8s %8s %8s %8s%n", "fold", "sentences",
                    "entities", "F1", "PER", "ORG", "LOC", "MISC"));
            for (FoldScore f : folds) {
                ChunkScore s = f.score();
                int entities = 0;
                for (EntityType type : EntityType.values()) {
                    entities += s.gold(type);
                }
                b.append(String.format(Locale.ROOT, "%-5d %-13s %8d %8.2f %8.2f %8.2f %8.2f %8.2f%n",
                        f.fold().number(), (f.fold().from() + 1) + "-" + f.fold().to(), entities, s.f1(),
                        s.f1(EntityType.PERSON), s.f1(EntityType.ORGANIZATION), s.f1(EntityType.LOCATION),
                        s.f1(EntityType.MISC)));
            }
            b.append(summary(folds, "annotation convention " + convention.name().toLowerCase(Locale.ROOT),
                    FoldScore::score));
            if (convention != AnnotationConvention.PRODUCT) {
                b.append(summary(folds, "product convention (the recognizer's default output)",
                        FoldScore::productScore));
            }
            if (decodings.size() > 1) {
                b.append(biasComparison());
            }
            return b.toString();
        }

        /**
         * One row per entity bias and convention: F1 per fold, mean ± deviation, the per-fold difference from the
         * first bias (mean ± deviation: a gain counts when it exceeds its spread), mean precision and recall, and
         * mean recall per type.
         */
        private String biasComparison() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%s; differences paired per fold against %s; P, R and recall per "
                    + "type are fold means%n", decodings.get(0).bias() != null
                    ? "entity bias (added to the entity labels' scores before decoding)"
                    : "neural tagger (lambda x log p(label), added to the perceptron's scores before decoding)",
                    (decodings.get(0).bias() != null ? "bias " : "") + decodings.get(0).setting()));
            int width = Math.max(4, decodings.stream().mapToInt(d -> d.setting().length()).max().orElse(0));
            String column = decodings.get(0).bias() != null ? "bias" : "decoding";
            b.append(String.format(Locale.ROOT, "%-" + width + "s %-9s%-" + 7 * folds().size()
                            + "s %15s %15s %6s %6s %6s %6s %6s %6s%n", column, "scored", " F1 per fold", "mean F1",
                    "difference", "P", "R", "R PER", "R ORG", "R LOC", "R MISC"));
            List<Function<FoldScore, ChunkScore>> conventions = convention == AnnotationConvention.PRODUCT
                    ? List.of(FoldScore::score) : List.of(FoldScore::score, FoldScore::productScore);
            for (Decoding d : decodings) {
                for (int c = 0; c < conventions.size(); c++) {
                    Function<FoldScore, ChunkScore> which = conventions.get(c);
                    double[] f1 = d.folds().stream().mapToDouble(f -> which.apply(f).f1()).toArray();
                    double[] base = decodings.get(0).folds().stream().mapToDouble(f -> which.apply(f).f1())
                            .toArray();
                    double[] difference = new double[f1.length];
                    StringBuilder perFold = new StringBuilder();
                    for (int i = 0; i < f1.length; i++) {
                        difference[i] = f1[i] - base[i];
                        perFold.append(String.format(Locale.ROOT, "%7.2f", f1[i]));
                    }
                    b.append(String.format(Locale.ROOT, "%-" + width + "s %-9s%-" + 7 * f1.length + "s %7.2f ± %5.2f "
                                    + "%+7.2f ± %5.2f %6.2f %6.2f", d.setting(),
                            c == 0 ? convention.name().toLowerCase(Locale.ROOT) : "product", perFold, mean(f1),
                            deviation(f1), mean(difference), deviation(difference),
                            meanOf(d, s -> which.apply(s).precision()), meanOf(d, s -> which.apply(s).recall())));
                    for (EntityType type : EntityType.values()) {
                        b.append(String.format(Locale.ROOT, " %6.2f", meanOf(d, s -> which.apply(s).recall(type))));
                    }
                    b.append(String.format(Locale.ROOT, "%n"));
                }
            }
            return b.toString();
        }

        private static double meanOf(Decoding d, ToDoubleFunction<FoldScore> value) {
            return mean(d.folds().stream().mapToDouble(value).toArray());
        }

        private static String summary(List<FoldScore> folds, String title, Function<FoldScore, ChunkScore> which) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%s: mean ± sample standard deviation over %d fold(s)%n", title,
                    folds.size()));
            b.append(String.format(Locale.ROOT, "%-8s %15s %15s%n", "type", "F1", "recall"));
            for (EntityType type : EntityType.values()) {
                b.append(row(folds, Labels.conllType(type), s -> which.apply(s).f1(type),
                        s -> which.apply(s).recall(type)));
            }
            b.append(row(folds, "overall", s -> which.apply(s).f1(), s -> which.apply(s).recall()));
            return b.toString();
        }

        private static String row(List<FoldScore> folds, String name, ToDoubleFunction<FoldScore> f1,
                                  ToDoubleFunction<FoldScore> recall) {
            double[] f = folds.stream().mapToDouble(f1).toArray();
            double[] r = folds.stream().mapToDouble(recall).toArray();
            return String.format(Locale.ROOT, "%-8s %7.2f ± %5.2f %7.2f ± %5.2f%n", name, mean(f), deviation(f),
                    mean(r), deviation(r));
        }
    }

    private static Path foldModel(Path dir, String language, Fold fold, int k) {
        return dir.resolve("ner-" + language + "-fold" + fold.number() + "-of-" + k + ".model.gz");
    }

    /** The neural tagger's own cost, the thread's CPU time over the held-out block read sentence by sentence. */
    private static void logSpeed(NeuralTagger network, List<ConllCorpus.Sentence> held, Fold fold, PrintStream log) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        long tokens = 0;
        for (ConllCorpus.Sentence sentence : held) {
            Tokens words = Tokens.ofWords(sentence.words());
            network.logProbabilities(words, 0, words.size());
            tokens += words.size();
        }
        double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
        log.printf(Locale.ROOT, "fold %d: neural tagger alone, %d tokens in %.2f CPU-s (%.0f tokens per CPU-second)%n",
                fold.number(), tokens, seconds, tokens / seconds);
    }

    private static String number(float value) {
        return value == Math.rint(value) ? Integer.toString((int) value) : Float.toString(value);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** The sample standard deviation (n - 1), 0 for a single value. */
    static double deviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /**
     * Runs the folds of {@code only} (numbers from 1; null for all), {@code threads} at a time. The lexicon is
     * built once (see {@link NerTrainer#lexicon}) from the words of all {@code sentences}, unlabeled, as training
     * the shipped model builds it from the words of its training text.
     */
    public static Result run(String language, List<ConllCorpus.Sentence> sentences, int k, Set<Integer> only,
                             int threads, NerTrainer.Options options, List<Path> corpora,
                             PrintStream log) throws IOException {
        return run(language, sentences, k, only, threads, options, corpora, null, log);
    }

    /**
     * As {@link #run(String, List, int, Set, int, NerTrainer.Options, List, PrintStream)}; with a
     * {@code modelsDir}, each fold's tagger is read from there when a previous run left it, else trained and
     * written there, so that rules applied after tagging can be compared without retraining. Only valid while
     * the features, the gazetteer the features see and the training options stay the same.
     */
    public static Result run(String language, List<ConllCorpus.Sentence> sentences, int k, Set<Integer> only,
                             int threads, NerTrainer.Options options, List<Path> corpora, Path modelsDir,
                             PrintStream log) throws IOException {
        return run(language, sentences, k, only, threads, options, corpora, modelsDir, List.of(), log);
    }

    /**
     * As {@link #run(String, List, int, Set, int, NerTrainer.Options, List, Path, PrintStream)}, scoring each
     * fold's taggers once per entity bias of {@code biases} (trained once per fold; empty: the recognizer's own
     * setting only), so that biases are compared on the same folds.
     */
    public static Result run(String language, List<ConllCorpus.Sentence> sentences, int k, Set<Integer> only,
                             int threads, NerTrainer.Options options, List<Path> corpora, Path modelsDir,
                             List<EntityBias> biases, PrintStream log) throws IOException {
        return run(language, sentences, k, only, threads, options, corpora, modelsDir, biases, null, log);
    }

    /**
     * As {@link #run(String, List, int, Set, int, NerTrainer.Options, List, Path, List, PrintStream)}; with
     * {@code neural}, each fold also trains a {@link NeuralTagger} and the decodings are those {@link Neural}
     * lists (the entity biases are then ignored).
     */
    public static Result run(String language, List<ConllCorpus.Sentence> sentences, int k, Set<Integer> only,
                             int threads, NerTrainer.Options options, List<Path> corpora, Path modelsDir,
                             List<EntityBias> biases, Neural neural, PrintStream log) throws IOException {
        List<EntityBias> decodings = neural != null ? List.of()
                : biases.isEmpty() ? Collections.singletonList(null) : biases;
        List<String> settings = new ArrayList<>();
        if (neural == null) {
            decodings.forEach(bias -> settings.add(String.valueOf(bias)));
        } else {
            for (float weight : neural.weights()) {
                settings.add("lambda " + number(weight));
                if (weight != 0) {
                    neural.belowMargins().forEach(margin -> settings.add("lambda " + number(weight) + " below "
                            + number(margin)));
                }
            }
            settings.add("NN alone");
        }
        List<Fold> folds = folds(sentences.size(), k).stream()
                .filter(f -> only == null || only.contains(f.number())).toList();
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("no fold of 1.." + k + " selected: " + only);
        }
        long started = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.load();
        boolean kept = modelsDir != null && folds.stream().allMatch(f -> Files.isRegularFile(
                foldModel(modelsDir, language, f, k)));
        Lexicon lexicon = kept ? null : NerTrainer.lexicon(language, sentences, corpora, options, log);
        if (lexicon != null) {
            log.printf(Locale.ROOT, "lexicon: %d words (%.0f s)%n", lexicon.size(),
                    (System.nanoTime() - started) / 1e9);
        }
        WordVectors vectors = null;
        if (neural != null) {
            if (lexicon == null && !Files.isRegularFile(neural.vectors())) {
                throw new IllegalArgumentException("learning word vectors needs a lexicon: run without --models-dir");
            }
            vectors = WordVectors.cached(neural.vectors(), language, lexicon, corpora, sentences, log);
        }
        WordVectors wordVectors = vectors;
        AnnotationConvention convention = ConllEvaluation.corpusConvention(language);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, folds.size())));
        try {
            List<Future<List<FoldScore>>> running = new ArrayList<>();
            for (Fold fold : folds) {
                running.add(pool.submit(() -> {
                    long foldStarted = System.nanoTime();
                    List<ConllCorpus.Sentence> training = new ArrayList<>(sentences.subList(0, fold.from()));
                    training.addAll(sentences.subList(fold.to(), sentences.size()));
                    SequenceTagger tagger;
                    Path saved = modelsDir == null ? null : foldModel(modelsDir, language, fold, k);
                    if (kept) {
                        try (InputStream in = Files.newInputStream(saved)) {
                            tagger = SequenceTagger.read(in, gazetteer);
                        }
                    } else {
                        tagger = NerTrainer.trainTagger(language, lexicon, gazetteer, training, options, List.of(),
                                log);
                        if (saved != null) {
                            Files.createDirectories(modelsDir);
                            try (OutputStream out = Files.newOutputStream(saved)) {
                                tagger.write(out);
                            }
                        }
                    }
                    EntityRecognizer recognizer = EntityRecognizer.of(gazetteer, List.of(tagger), convention);
                    List<ConllCorpus.Sentence> held = sentences.subList(fold.from(), fold.to());
                    List<EntityRecognizer> variants = new ArrayList<>();
                    for (EntityBias bias : decodings) {
                        variants.add(bias == null ? recognizer : recognizer.withEntityBias(language, bias));
                    }
                    if (neural != null) {
                        NeuralTagger network = NeuralTagger.train(language, wordVectors, tagger.lexicon(),
                                training, neural.shape(), neural.settings(), log);
                        logSpeed(network, sentences.subList(fold.from(), fold.to()), fold, log);
                        for (float weight : neural.weights()) {
                            variants.add(weight == 0 ? recognizer : recognizer.withExtraScores(language,
                                    network.logProbabilities(weight), 1));
                            if (weight != 0) {
                                for (float margin : neural.belowMargins()) {
                                    variants.add(recognizer.withExtraScores(language,
                                            network.logProbabilities(weight, margin), 1));
                                }
                            }
                        }
                        variants.add(recognizer.withExtraScores(language, network.logProbabilities(1), 0));
                    }
                    List<FoldScore> scores = new ArrayList<>();
                    for (int v = 0; v < variants.size(); v++) {
                        EntityRecognizer biased = variants.get(v);
                        ChunkScore score = ConllEvaluation.evaluate(biased, held, language);
                        ChunkScore product = convention == AnnotationConvention.PRODUCT ? score
                                : ConllEvaluation.evaluate(biased.withConvention(AnnotationConvention.PRODUCT),
                                held, language);
                        String setting = neural != null ? ", " + settings.get(v)
                                : decodings.get(v) == null ? "" : ", entity bias " + settings.get(v);
                        log.printf(Locale.ROOT, "fold %d of %d%s: F1 %.2f (%.0f s)%n", fold.number(), k, setting,
                                score.f1(),
                                (System.nanoTime() - foldStarted) / 1e9);
                        scores.add(new FoldScore(fold, score, product));
                    }
                    return scores;
                }));
            }
            List<List<FoldScore>> perFold = new ArrayList<>();
            for (Future<List<FoldScore>> future : running) {
                perFold.add(future.get());
            }
            List<Decoding> results = new ArrayList<>();
            for (int d = 0; d < settings.size(); d++) {
                int at = d;
                results.add(new Decoding(settings.get(d), d < decodings.size() ? decodings.get(d) : null,
                        perFold.stream().map(f -> f.get(at)).toList()));
            }
            return new Result(language, convention, sentences.size(), k, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
