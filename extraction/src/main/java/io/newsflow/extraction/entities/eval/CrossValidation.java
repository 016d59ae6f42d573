package io.newsflow.extraction.entities.eval;

import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.entities.AnnotationConvention;
import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.tagger.ChunkScore;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.train.NerTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** FoldedHash {@code number} (from 1) holds sentences {@code [from, to)}. */
    public record FoldedHash(int number, int from, int to) {
    }

    /** K contiguous, disjoint blocks covering {@code sentences} sentences, their sizes differing by at most one. */
    public static List<FoldedHash> folds(int sentences, int k) {
        if (k < 2 || k > sentences) {
            throw new IllegalArgumentException("cannot cut " + sentences + " sentences into " + k + " folds");
        }
        List<FoldedHash> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            folds.add(new FoldedHash(f + 1, (int) ((long) sentences * f / k), (int) ((long) sentences * (f + 1) / k)));
        }
        return folds;
    }

    /** One fold's scores under the corpus convention and the product convention. */
    public record FoldScore(FoldedHash fold, ChunkScore score, ChunkScore productScore) {
    }

    /** The scores of the folds that were run, in fold order. */
    public record Result(String language, AnnotationConvention convention, int sentences, int k,
                         List<FoldScore> folds) {

        /** Mean F1 over the folds under the corpus convention. */
        public double meanF1() {
            return mean(folds.stream().mapToDouble(f -> f.score().f1()).toArray());
        }

        public String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "cross-validation (%s): %d folds of contiguous sentences over %d "
                            + "sentences, the whole recognizer retrained per fold; %d fold(s) run%n",
                    language, k, sentences, folds.size()));
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
            b.append(summary("annotation convention " + convention.name().toLowerCase(Locale.ROOT),
                    FoldScore::score));
            if (convention != AnnotationConvention.PRODUCT) {
                b.append(summary("product convention (the recognizer's default output)", FoldScore::productScore));
            }
            return b.toString();
        }

        private String summary(String title, Function<FoldScore, ChunkScore> which) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%s: mean ± sample standard deviation over %d fold(s)%n", title,
                    folds.size()));
            b.append(String.format(Locale.ROOT, "%-8s %15s %15s%n", "type", "F1", "recall"));
            for (EntityType type : EntityType.values()) {
                b.append(row(Labels.conllType(type), s -> which.apply(s).f1(type), s -> which.apply(s).recall(type)));
            }
            b.append(row("overall", s -> which.apply(s).f1(), s -> which.apply(s).recall()));
            return b.toString();
        }

        private String row(String name, ToDoubleFunction<FoldScore> f1, ToDoubleFunction<FoldScore> recall) {
            double[] f = folds.stream().mapToDouble(f1).toArray();
            double[] r = folds.stream().mapToDouble(recall).toArray();
            return String.format(Locale.ROOT, "%-8s %7.2f ± %5.2f %7.2f ± %5.2f%n", name, mean(f), deviation(f),
                    mean(r), deviation(r));
        }
    }

    private static Path foldModel(Path dir, String language, FoldedHash fold, int k) {
        return dir.resolve("ner-" + language + "-fold" + fold.number() + "-of-" + k + ".model.gz");
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
                             int threads, NerTrainer.Options options, Path corpusJsonl,
                             PrintStream log) throws IOException {
        return run(language, sentences, k, only, threads, options, corpusJsonl, null, log);
    }

    /**
     * As {@link #run(String, List, int, Set, int, NerTrainer.Options, Path, PrintStream)}; with a
     * {@code modelsDir}, each fold's tagger is read from there when a previous run left it, else trained and
     * written there, so that rules applied after tagging can be compared without retraining. Only valid while
     * the features, the gazetteer the features see and the training options stay the same.
     */
    public static Result run(String language, List<ConllCorpus.Sentence> sentences, int k, Set<Integer> only,
                             int threads, NerTrainer.Options options, Path corpusJsonl, Path modelsDir,
                             PrintStream log) throws IOException {
        List<FoldedHash> folds = folds(sentences.size(), k).stream()
                .filter(f -> only == null || only.contains(f.number())).toList();
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("no fold of 1.." + k + " selected: " + only);
        }
        long started = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.load();
        boolean kept = modelsDir != null && folds.stream().allMatch(f -> Files.isRegularFile(
                foldModel(modelsDir, language, f, k)));
        Lexicon lexicon = kept ? null : NerTrainer.lexicon(language, sentences, corpusJsonl, options, log);
        if (lexicon != null) {
            log.printf(Locale.ROOT, "lexicon: %d words (%.0f s)%n", lexicon.size(),
                    (System.nanoTime() - started) / 1e9);
        }
        AnnotationConvention convention = ConllEvaluation.corpusConvention(language);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, folds.size())));
        try {
            List<Future<FoldScore>> running = new ArrayList<>();
            for (FoldedHash fold : folds) {
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
                    ChunkScore score = ConllEvaluation.evaluate(recognizer, held, language);
                    ChunkScore product = convention == AnnotationConvention.PRODUCT ? score
                            : ConllEvaluation.evaluate(recognizer.withConvention(AnnotationConvention.PRODUCT), held,
                            language);
                    log.printf(Locale.ROOT, "fold %d of %d: F1 %.2f (%.0f s)%n", fold.number(), k, score.f1(),
                            (System.nanoTime() - foldStarted) / 1e9);
                    return new FoldScore(fold, score, product);
                }));
            }
            List<FoldScore> scores = new ArrayList<>();
            for (Future<FoldScore> future : running) {
                scores.add(future.get());
            }
            return new Result(language, convention, sentences.size(), k, scores);
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
