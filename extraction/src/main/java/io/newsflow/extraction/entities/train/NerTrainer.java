package io.newsflow.extraction.entities.train;

import io.newsflow.extraction.entities.AnnotationConvention;
import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.entities.eval.ConllEvaluation;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.neural.AdamTrainer;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.neural.WordVectors;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.tagger.PerceptronTrainer;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reproduces the entity models committed under {@code src/main/resources/io/newsflow/extraction/entities/}: word
 * clusters from the unlabeled corpus (skip-gram vectors, then k-means at three granularities, and word-order
 * classes by the exchange algorithm at two), then averaged perceptron taggers on the CoNLL training and dev files,
 * one per seed, whose mean is the model. Optionally (not in the shipped recipe) name cues and type priors from
 * unlabeled news ({@link NameCues}, {@link TagPriors}).
 * Deterministic for the fixed seeds in {@link Options#defaults}.
 *
 * <pre>
 * java -cp ... io.newsflow.extraction.entities.train.NerTrainer ar \
 *     ../shared/data/ner/ar-train.conll,../shared/data/ner/ar-dev.conll \
 *     ../shared/data/corpus/news.jsonl[,MORE] extraction/src/main/resources/io/newsflow/extraction/entities \
 *     [--dev HELD_OUT.conll] [--epochs N] [--max-articles N] [--reuse-lexicon MODEL]
 *     [--class-words N] [--seed N] [--models N] [--names-corpus FILE] [--priors-corpus FILE] [--char-grams N]
 * </pre>
 */
public final class NerTrainer {

    /** Words rarer than this in the corpus get no vectors: too few contexts to place them. */
    private static final int MIN_EMBEDDING_COUNT = 3;
    /** Words seen once are not kept in the lexicon: a count of one tells the clitic splitter nothing. */
    private static final int MIN_LEXICON_COUNT = 2;

    /**
     * @param epochs          perceptron passes over the training split
     * @param maxArticles     corpus articles to learn clusters from (a small number for quick tests)
     * @param dimensions      word vector size
     * @param embeddingEpochs passes of skip-gram over the corpus
     * @param clusters        cluster counts, finest first; each coarser level clusters the level below's centroids
     * @param classWords      how many of the most frequent words get word-order classes (0: none)
     * @param classIterations passes of the exchange algorithm
     * @param seed            seed for every random choice
     * @param lexiconFrom     a model whose lexicon (counts and clusters) to reuse instead of learning one from
     *                        the corpus: the clusters take minutes, the tagger seconds, so feature work reuses them;
     *                        a lexicon from before the word-order classes gets them from the corpus
     * @param models          taggers trained with seeds {@code seed, seed + 1, ...} whose mean is the model: the
     *                        order of the training documents moves a single tagger's F1 by up to 2 points, and
     *                        the mean of five is steadier and better at the cost of one
     * @param namesCorpus     unlabeled text (one document per line, or the corpus's JSON lines) to learn the name
     *                        cues from, kept in the lexicon; null for none
     * @param priorsCorpus    unlabeled text that a first tagger, trained on the same training text, labels to
     *                        learn the type priors the taggers then see; null for none
     * @param charGrams       the longest character n-gram (3 or 4) inside a word's stem that becomes a feature,
     *                        from 3 characters up; 0 for none (the shipped recipe)
     */
    public record Options(int epochs, int maxArticles, int dimensions, int embeddingEpochs, int[] clusters,
                          int classWords, int classIterations, long seed, Path lexiconFrom, int models,
                          Path namesCorpus, Path priorsCorpus, int charGrams) {
        /**
         * The settings of the committed models: no name cues, no type priors and no character n-grams, which did
         * not win under cross-validation (see ENTITIES.md).
         */
        public static Options defaults() {
            return new Options(12, Integer.MAX_VALUE, 64, 3, new int[]{1024, 256, 48}, 50_000, 10, 20240611L, null, 5,
                    null, null, 0);
        }

        public Options withEpochs(int n) {
            return new Options(n, maxArticles, dimensions, embeddingEpochs, clusters, classWords, classIterations,
                    seed, lexiconFrom, models, namesCorpus, priorsCorpus, charGrams);
        }

        public Options withMaxArticles(int n) {
            return new Options(epochs, n, dimensions, embeddingEpochs, clusters, classWords, classIterations, seed,
                    lexiconFrom, models, namesCorpus, priorsCorpus, charGrams);
        }

        /** Skip-gram vectors of {@code size} dimensions trained for {@code passes} epochs. */
        public Options withVectors(int size, int passes) {
            return new Options(epochs, maxArticles, size, passes, clusters, classWords, classIterations, seed,
                    lexiconFrom, models, namesCorpus, priorsCorpus, charGrams);
        }

        public Options withClusters(int... sizes) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, sizes, classWords, classIterations,
                    seed, lexiconFrom, models, namesCorpus, priorsCorpus, charGrams);
        }

        /** Word-order classes for the {@code words} most frequent words; 0 for none. */
        public Options withClassWords(int words) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, clusters, words, classIterations,
                    seed, lexiconFrom, models, namesCorpus, priorsCorpus, charGrams);
        }

        public Options withSeed(long first) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, clusters, classWords,
                    classIterations, first, lexiconFrom, models, namesCorpus, priorsCorpus, charGrams);
        }

        /** Trains {@code n} taggers, with seeds {@code seed, seed + 1, ...}, and keeps their mean. */
        public Options withModels(int n) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, clusters, classWords,
                    classIterations, seed, lexiconFrom, n, namesCorpus, priorsCorpus, charGrams);
        }

        public Options withLexiconFrom(Path model) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, clusters, classWords,
                    classIterations, seed, model, models, namesCorpus, priorsCorpus, charGrams);
        }

        /** Learns type priors (see {@link TagPriors}) by tagging this unlabeled text with a first tagger. */
        public Options withPriorsCorpus(Path corpus) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, clusters, classWords,
                    classIterations, seed, lexiconFrom, models, namesCorpus, corpus, charGrams);
        }

        /** Character n-grams of 3 to {@code longest} characters inside each word's stem as features; 0 for none. */
        public Options withCharGrams(int longest) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, clusters, classWords,
                    classIterations, seed, lexiconFrom, models, namesCorpus, priorsCorpus, longest);
        }

        /** Learns the name cues (see {@link NameCues}) from this unlabeled text; null for none. */
        public Options withNamesCorpus(Path corpus) {
            return new Options(epochs, maxArticles, dimensions, embeddingEpochs, clusters, classWords,
                    classIterations, seed, lexiconFrom, models, corpus, priorsCorpus, charGrams);
        }
    }

    private NerTrainer() {
    }

    /** The file name of a language's model, in the output directory and the classpath resources. */
    public static String modelFileName(String language) {
        return "ner-" + language + ".model.gz";
    }

    /** Trains with the default options and writes {@code outDir/ner-<lang>.model.gz}; returns its path. */
    public static Path train(String language, Path trainConll, List<Path> corpora, Path outDir) throws IOException {
        return train(language, trainConll, corpora, outDir, Options.defaults(), null, System.err);
    }

    /**
     * Trains and writes {@code outDir/ner-<lang>.model.gz}; when {@code devConll} is given, logs the tagger's
     * dev F1 after every epoch.
     */
    public static Path train(String language, Path trainConll, List<Path> corpora, Path outDir, Options options,
                             Path devConll, PrintStream log) throws IOException {
        return train(language, List.of(trainConll), corpora, outDir, options, devConll, log);
    }

    /** As {@link #train(String, Path, List, Path, Options, Path, PrintStream)}, on the sentences of several files. */
    public static Path train(String language, List<Path> trainConll, List<Path> corpora, Path outDir,
                             Options options, Path devConll, PrintStream log) throws IOException {
        long started = System.nanoTime();
        List<ConllCorpus.Sentence> training = readAll(trainConll);
        Gazetteer gazetteer = Gazetteer.load();
        Lexicon lexicon = lexicon(language, training, corpora, options, log);
        log.printf(Locale.ROOT, "lexicon: %d words (%.0f s)%n", lexicon.size(), seconds(started));
        List<ConllCorpus.Sentence> dev = devConll == null ? List.of() : ConllCorpus.read(devConll);
        SequenceTagger tagger = trainTagger(language, lexicon, gazetteer, training, options, dev, log);
        if (!dev.isEmpty()) {
            log.print(ConllEvaluation.evaluateBoth(EntityRecognizer.of(gazetteer, List.of(tagger),
                    AnnotationConvention.PRODUCT), devConll, language).report());
        }
        Files.createDirectories(outDir);
        Path out = outDir.resolve(modelFileName(language));
        try (OutputStream stream = Files.newOutputStream(out)) {
            tagger.write(stream);
        }
        log.printf(Locale.ROOT, "wrote %s: %d features, %d bytes (%.0f s)%n", out, tagger.featureCount(),
                Files.size(out), seconds(started));
        return out;
    }

    /**
     * Trains the network whose scores join the perceptron's before decoding (see {@link NeuralTagger}) on the
     * sentences of {@code trainConll}, over word vectors learned from {@code corpora} and keyed through the lexicon of
     * {@code model}, the perceptron model it is to join; writes it beside that model with {@code weight}, the factor on
     * its log-probabilities, and {@code belowMargin}, the perceptron's margin under which a sentence asks for them
     * (see {@link NeuralTagger#logProbabilities(float, float)}), and returns its path. When {@code devConll} is given,
     * logs the two together's scores on it.
     */
    public static Path trainNeural(String language, List<Path> trainConll, List<Path> corpora, Path model,
                                   float weight, float belowMargin, Path devConll, PrintStream log)
            throws IOException {
        long started = System.nanoTime();
        List<ConllCorpus.Sentence> training = readAll(trainConll);
        Lexicon lexicon;
        try (InputStream in = Files.newInputStream(model)) {
            lexicon = SequenceTagger.readLexicon(in);
        }
        WordVectors vectors = WordVectors.learn(language, lexicon, corpora, training, log);
        NeuralTagger network = NeuralTagger.train(language, vectors, lexicon, training, NeuralTagger.Shape.defaults(language),
                AdamTrainer.Settings.defaults(language), log);
        Path out = model.resolveSibling(NeuralTagger.fileName(language));
        try (OutputStream stream = Files.newOutputStream(out)) {
            network.write(stream, weight, belowMargin);
        }
        log.printf(Locale.ROOT, "wrote %s: %d bytes (%.0f s)%n", out, Files.size(out), seconds(started));
        if (devConll != null) {
            Gazetteer gazetteer = Gazetteer.load();
            SequenceTagger tagger;
            try (InputStream in = Files.newInputStream(model)) {
                tagger = SequenceTagger.read(in, gazetteer);
            }
            log.println("with the neural tagger:");
            log.print(ConllEvaluation.evaluateBoth(EntityRecognizer.of(gazetteer,
                    List.of(tagger.withExtraScores(network.logProbabilities(weight, belowMargin), 1)), AnnotationConvention.PRODUCT),
                    devConll, language).report());
        }
        return out;
    }

    /**
     * The word counts and clusters the taggers see: reused from {@code options.lexiconFrom()} when set (without
     * its type priors), else learned from the texts in {@code language} of all {@code corpora} (see
     * {@link CorpusReader#forEach}) plus the words (not the labels) of {@code text}; with the name cues of
     * {@code options.namesCorpus()} when it has none. The type priors depend on the labels, so
     * {@link #trainTagger} adds them.
     */
    public static Lexicon lexicon(String language, List<ConllCorpus.Sentence> text, List<Path> corpora,
                                  Options options, PrintStream log) throws IOException {
        Lexicon lexicon = options.lexiconFrom() == null ? learnLexicon(language, text, corpora, options, log)
                : reusedLexicon(language, text, corpora, options, log);
        if (!lexicon.hasCues() && options.namesCorpus() != null) {
            lexicon = lexicon.withCues(NameCues.learn(language, Gazetteer.load(), List.of(options.namesCorpus()),
                    log));
        }
        return lexicon.withCharGrams(options.charGrams());
    }

    private static Lexicon reusedLexicon(String language, List<ConllCorpus.Sentence> text, List<Path> corpora,
                                         Options options, PrintStream log) throws IOException {
        Lexicon lexicon;
        try (InputStream in = Files.newInputStream(options.lexiconFrom())) {
            // type priors come from a tagger trained on that model's labelled text, not this training's
            lexicon = SequenceTagger.readLexicon(in).withPriors(null);
        }
        if (!lexicon.hasClasses() && options.classWords() > 0) {
            Vocabulary vocabulary = readVocabulary(language, text, corpora, options, log);
            lexicon = lexicon.withClasses(vocabulary.classesOf(lexicon, vocabulary.wordClasses(options, log)));
        }
        return lexicon;
    }

    /**
     * The mean of {@code options.models()} perceptron taggers trained on {@code training} over {@code lexicon};
     * when {@code dev} is not empty, logs the tagger's dev F1 after every epoch.
     */
    public static SequenceTagger trainTagger(String language, Lexicon lexicon, Gazetteer gazetteer,
                                             List<ConllCorpus.Sentence> training, Options options,
                                             List<ConllCorpus.Sentence> dev, PrintStream log) {
        if (options.priorsCorpus() != null && !lexicon.hasPriors()) {
            SequenceTagger first = new PerceptronTrainer(language, lexicon, gazetteer).train(training,
                    options.epochs(), options.seed(), t -> { });
            try {
                lexicon = lexicon.withPriors(TagPriors.learn(first, language, options.priorsCorpus(), log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<SequenceTagger> taggers = new ArrayList<>();
        for (int m = 0; m < options.models(); m++) {
            int[] epoch = {0};
            taggers.add(new PerceptronTrainer(language, lexicon, gazetteer).train(training,
                    options.epochs(), options.seed() + m, t -> {
                        epoch[0]++;
                        if (!dev.isEmpty()) {
                            log.printf(Locale.ROOT, "epoch %d: dev F1 %.2f (tagger alone, %d features)%n", epoch[0],
                                    ConllEvaluation.scoreTagger(t, dev).f1(), t.featureCount());
                        }
                    }));
        }
        SequenceTagger tagger = SequenceTagger.mean(taggers);
        if (!dev.isEmpty() && taggers.size() > 1) {
            log.printf(Locale.ROOT, "mean of %d: dev F1 %.2f (tagger alone, %d features)%n", taggers.size(),
                    ConllEvaluation.scoreTagger(tagger, dev).f1(), tagger.featureCount());
        }
        return tagger;
    }

    private static List<ConllCorpus.Sentence> readAll(List<Path> conll) throws IOException {
        List<ConllCorpus.Sentence> sentences = new ArrayList<>();
        for (Path file : conll) {
            sentences.addAll(ConllCorpus.read(file));
        }
        return sentences;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Word counts and clusters from the texts in {@code language} of {@code corpora} plus the training sentences. */
    private static Lexicon learnLexicon(String language, List<ConllCorpus.Sentence> training, List<Path> corpora,
                                        Options options, PrintStream log) throws IOException {
        return readVocabulary(language, training, corpora, options, log).cluster(options, log);
    }

    /** Reads the corpora in order, at most {@code options.maxArticles()} texts in all, then the training words. */
    private static Vocabulary readVocabulary(String language, List<ConllCorpus.Sentence> training,
                                             List<Path> corpora, Options options, PrintStream log) throws IOException {
        Vocabulary vocabulary = new Vocabulary();
        int articles = 0;
        for (Path corpus : corpora) {
            articles += CorpusReader.forEach(corpus, language, options.maxArticles() - articles, text -> {
                Tokens tokens = Tokenizer.tokenize(text);
                for (int s = 0; s < tokens.sentenceCount(); s++) {
                    for (int i = tokens.sentenceStart(s); i < tokens.sentenceEnd(s); i++) {
                        vocabulary.add(FoldedHash.hash(text, tokens.start(i), tokens.end(i)));
                    }
                    vocabulary.endSentence();
                }
            });
        }
        for (ConllCorpus.Sentence sentence : training) {
            for (String word : sentence.words()) {
                vocabulary.add(FoldedHash.hash(word));
            }
            vocabulary.endSentence();
        }
        log.printf(Locale.ROOT, "corpus: %d articles, %d tokens, %d distinct words%n", articles,
                vocabulary.tokens(), vocabulary.size());
        return vocabulary;
    }

    /** Word ids by folded hash, their counts, and the corpus as ids (-1 between sentences). */
    private static final class Vocabulary {
        private final LongIntMap ids = new LongIntMap(1 << 16);
        private long[] hashes = new long[1 << 16];
        private int[] counts = new int[1 << 16];
        private int size;
        private int[] corpus = new int[1 << 20];
        private int length;

        void add(long hash) {
            int id = ids.get(hash, -1);
            if (id < 0) {
                id = size++;
                if (id == hashes.length) {
                    hashes = Arrays.copyOf(hashes, id * 2);
                    counts = Arrays.copyOf(counts, id * 2);
                }
                hashes[id] = hash;
                ids.put(hash, id);
            }
            counts[id]++;
            append(id);
        }

        void endSentence() {
            if (length > 0 && corpus[length - 1] != -1) {
                append(-1);
            }
        }

        private void append(int id) {
            if (length == corpus.length) {
                corpus = Arrays.copyOf(corpus, length * 2);
            }
            corpus[length++] = id;
        }

        int size() {
            return size;
        }

        long tokens() {
            return Arrays.stream(corpus, 0, length).filter(id -> id >= 0).count();
        }

        /**
         * Each word's word-order classes (see {@link ExchangeClusters}) at every granularity of
         * {@link Lexicon#CLASS_COUNTS}, packed, or -1 for words outside the most frequent; null when disabled.
         */
        int[] wordClasses(Options options, PrintStream log) {
            if (options.classWords() <= 0) {
                return null;
            }
            long started = System.nanoTime();
            int[] text = Arrays.copyOf(corpus, length);
            int[] wordCounts = Arrays.copyOf(counts, size);
            int[][] levels = new int[Lexicon.CLASS_COUNTS.length][];
            for (int level = 0; level < levels.length; level++) {
                levels[level] = ExchangeClusters.cluster(text, wordCounts, options.classWords(),
                        Lexicon.CLASS_COUNTS[level], options.classIterations());
            }
            int[] packed = new int[size];
            int[] ids = new int[levels.length];
            for (int id = 0; id < size; id++) {
                if (levels[0][id] < 0) {
                    packed[id] = -1;
                    continue;
                }
                for (int level = 0; level < levels.length; level++) {
                    ids[level] = levels[level][id];
                }
                packed[id] = Lexicon.packClasses(ids);
            }
            log.printf(Locale.ROOT, "word-order classes: %s for %d words (%.0f s)%n",
                    Arrays.toString(Lexicon.CLASS_COUNTS), Math.min(size, options.classWords()), seconds(started));
            return packed;
        }

        /** {@code packed} (per word id) rearranged per entry of {@code lexicon}, or null. */
        int[] classesOf(Lexicon lexicon, int[] packed) {
            if (packed == null) {
                return null;
            }
            int[] perEntry = new int[lexicon.size()];
            lexicon.forEachWord((hash, entry) -> {
                int id = ids.get(hash, -1);
                perEntry[entry] = id < 0 ? -1 : packed[id];
            });
            return perEntry;
        }

        Lexicon cluster(Options options, PrintStream log) {
            int[] embeddingId = new int[size];
            int vocabulary = 0;
            for (int id = 0; id < size; id++) {
                embeddingId[id] = counts[id] >= MIN_EMBEDDING_COUNT ? vocabulary++ : -1;
            }
            int[] embeddingCounts = new int[vocabulary];
            for (int id = 0; id < size; id++) {
                if (embeddingId[id] >= 0) {
                    embeddingCounts[embeddingId[id]] = counts[id];
                }
            }
            int[] text = new int[length];
            int n = 0;
            for (int k = 0; k < length; k++) {
                int id = corpus[k];
                if (id < 0) {
                    text[n++] = -1;
                } else if (embeddingId[id] >= 0) {
                    text[n++] = embeddingId[id];
                }
            }
            int d = options.dimensions();
            long started = System.nanoTime();
            float[] vectors = Embeddings.train(Arrays.copyOf(text, n), embeddingCounts, d, 5, 5,
                    options.embeddingEpochs(), options.seed());
            log.printf(Locale.ROOT, "embeddings: %d words x %d (%.0f s)%n", vocabulary, d, seconds(started));
            KMeans.normalize(vectors, d);
            long[] packed = levels(vectors, embeddingCounts, d, options);
            log.printf(Locale.ROOT, "clusters: %s (%.0f s)%n", Arrays.toString(options.clusters()),
                    seconds(started));

            int kept = 0;
            for (int id = 0; id < size; id++) {
                if (counts[id] >= MIN_LEXICON_COUNT) {
                    kept++;
                }
            }
            LongIntMap index = new LongIntMap(kept);
            int[] keptCounts = new int[kept];
            long[] keptClusters = new long[kept];
            int k = 0;
            for (int id = 0; id < size; id++) {
                if (counts[id] >= MIN_LEXICON_COUNT) {
                    index.put(hashes[id], k);
                    keptCounts[k] = counts[id];
                    keptClusters[k] = embeddingId[id] >= 0 ? packed[embeddingId[id]] : -1L;
                    k++;
                }
            }
            Lexicon lexicon = new Lexicon(index, keptCounts, keptClusters, null);
            return lexicon.withClasses(classesOf(lexicon, wordClasses(options, log)));
        }

        /** Clusters the words at the finest level, then each coarser level clusters the centroids below it. */
        private static long[] levels(float[] vectors, int[] counts, int d, Options options) {
            int words = counts.length;
            long[] packed = new long[words];
            float[] points = vectors;
            double[] weights = Arrays.stream(counts).mapToDouble(c -> Math.log1p(c)).toArray();
            int[] owner = new int[words];
            for (int w = 0; w < words; w++) {
                owner[w] = w;
            }
            for (int level = 0; level < Lexicon.LEVELS; level++) {
                int k = Math.min(options.clusters()[level], Math.max(1, points.length / d / 2));
                float[] centroids = new float[k * d];
                int[] assignment = KMeans.cluster(points, weights, d, k, 10, options.seed() + level, centroids);
                double[] mass = new double[k];
                for (int p = 0; p < assignment.length; p++) {
                    mass[assignment[p]] += weights[p];
                }
                for (int w = 0; w < words; w++) {
                    owner[w] = assignment[owner[w]];
                    packed[w] |= (long) owner[w] << (16 * level);
                }
                points = centroids;
                weights = mass;
            }
            return packed;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: NerTrainer ar|en TRAIN.conll[,MORE.conll] CORPUS[,MORE] OUT_DIR"
                    + " [--dev DEV.conll] [--epochs N] [--max-articles N] [--reuse-lexicon MODEL] [--class-words N]"
                    + " [--seed N] [--models N] [--names-corpus FILE] [--priors-corpus FILE] [--char-grams 0|3|4]");
            System.exit(2);
        }
        Options options = Options.defaults();
        Path dev = null;
        for (int i = 4; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dev" -> dev = Path.of(args[i + 1]);
                case "--epochs" -> options = options.withEpochs(Integer.parseInt(args[i + 1]));
                case "--max-articles" -> options = options.withMaxArticles(Integer.parseInt(args[i + 1]));
                case "--reuse-lexicon" -> options = options.withLexiconFrom(Path.of(args[i + 1]));
                case "--class-words" -> options = options.withClassWords(Integer.parseInt(args[i + 1]));
                case "--seed" -> options = options.withSeed(Long.parseLong(args[i + 1]));
                case "--models" -> options = options.withModels(Integer.parseInt(args[i + 1]));
                case "--names-corpus" -> options = options.withNamesCorpus(Path.of(args[i + 1]));
                case "--priors-corpus" -> options = options.withPriorsCorpus(Path.of(args[i + 1]));
                case "--char-grams" -> options = options.withCharGrams(Integer.parseInt(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        train(args[0], paths(args[1]), paths(args[2]), Path.of(args[3]), options, dev, System.err);
    }

    private static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(Path::of).toList();
    }
}
