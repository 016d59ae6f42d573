package io.newsflow.pipeline;

import io.newsflow.extraction.entities.eval.ConllEvaluation;
import io.newsflow.extraction.entities.eval.CrossValidation;
import io.newsflow.extraction.entities.neural.AdamTrainer;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.EntityBias;
import io.newsflow.extraction.entities.train.NerTrainer;
import io.newsflow.extraction.figures.FigureExtractor;
import io.newsflow.extraction.figures.eval.ArticleGoldEvaluation;
import io.newsflow.extraction.figures.eval.FigureGoldEvaluation;
import io.newsflow.extraction.figures.eval.NumberCasesEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Measures the extraction library against annotated data. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure extraction quality.",
        subcommands = {EvalCommand.Numbers.class, EvalCommand.Figures.class, EvalCommand.Ner.class})
final class EvalCommand {

    @Command(name = "numbers", mixinStandardHelpOptions = true,
            description = {"Accuracy per kind (number, ordinal, percent, money) on number cases.",
                    "FILE is a cases TSV named by its language, e.g. ../shared/data/numbers/ar.tsv."})
    static final class Numbers implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Option(names = "--misses", description = "Also list every case that came out wrong.")
        boolean misses;

        @Override
        public Integer call() throws IOException {
            FigureExtractor extractor = FigureExtractor.create();
            for (Path file : files) {
                NumberCasesEvaluation.Result result = NumberCasesEvaluation.evaluate(file, extractor);
                System.out.print(result.report());
                if (misses) {
                    System.out.print(result.missesReport());
                }
            }
            return 0;
        }
    }

    @Command(name = "figures", mixinStandardHelpOptions = true,
            description = {"Precision and recall per figure kind on annotated stories.",
                    "Default: the stories the project annotated itself (bundled with the library)."})
    static final class Figures implements Callable<Integer> {
        @Option(names = "--gold", paramLabel = "DIR", description = "A folder with gold.tsv and the stories it names.")
        Path gold;

        @Option(names = "--articles", paramLabel = "DIR", arity = "0..1", fallbackValue = "../shared/data/articles",
                description = {"Instead, the project's offset annotations of the real development stories in DIR",
                        "(default: ${FALLBACK-VALUE}); the stories themselves are not part of the project."})
        Path articles;

        @Option(names = "--unseen", paramLabel = "FILE", arity = "0..1",
                fallbackValue = "../shared/data/corpus/news.jsonl",
                description = {"Instead, the hand-annotated corpus stories no rule was written against, per language,",
                        "read from the corpus FILE (default: ${FALLBACK-VALUE}); prints no misses."})
        Path unseen;

        @Option(names = "--dev", paramLabel = "FILE", arity = "0..1",
                fallbackValue = "../shared/data/corpus/news.jsonl",
                description = {"Instead, the hand-annotated corpus stories kept for development (every set), per language,",
                        "scored like --unseen, read from the corpus FILE (default: ${FALLBACK-VALUE})."})
        Path dev;

        @Option(names = "--misses", description = "Also list every missed or spurious figure.")
        boolean misses;

        @Override
        public Integer call() throws IOException {
            FigureExtractor extractor = FigureExtractor.create();
            if (unseen != null) {
                return unseen(extractor);
            }
            if (dev != null) {
                return corpusDev(extractor);
            }
            FigureGoldEvaluation.Result result;
            if (articles != null) {
                result = ArticleGoldEvaluation.evaluateBundled(articles, extractor);
                if (result == null) {
                    System.err.println("eval figures: no story folder at " + articles.toAbsolutePath());
                    return 2;
                }
            } else {
                result = gold == null
                        ? FigureGoldEvaluation.evaluateBundled(extractor)
                        : FigureGoldEvaluation.evaluate(gold, extractor);
            }
            System.out.print(result.report());
            if (misses) {
                result.misses().forEach(System.out::println);
            }
            return 0;
        }

        private int unseen(FigureExtractor extractor) throws IOException {
            if (misses || articles != null || gold != null || dev != null) {
                // the unseen stories estimate text no rule was written against: their misses stay unread
                System.err.println("eval figures: --unseen takes no --misses, --articles, --gold or --dev");
                return 2;
            }
            return printCorpusSets(Map.of("unseen stories", ArticleGoldEvaluation.UNSEEN_GOLD), unseen, extractor);
        }

        private int corpusDev(FigureExtractor extractor) throws IOException {
            if (articles != null || gold != null) {
                System.err.println("eval figures: --dev takes no --articles or --gold");
                return 2;
            }
            Map<String, String> sets = new LinkedHashMap<>();
            sets.put("corpus development stories", ArticleGoldEvaluation.CORPUS_DEV_GOLD);
            sets.put("corpus development stories, third set", ArticleGoldEvaluation.CORPUS_DEV3_GOLD);
            sets.put("corpus development stories, fourth set", ArticleGoldEvaluation.CORPUS_DEV4_GOLD);
            sets.put("corpus development stories, fifth set", ArticleGoldEvaluation.CORPUS_DEV5_GOLD);
            sets.put("corpus development stories, sixth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV6_GOLD);
            sets.put("corpus development stories, seventh set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV7_GOLD);
            sets.put("corpus development stories, eighth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV8_GOLD);
            sets.put("corpus development stories, ninth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV9_GOLD);
            sets.put("corpus development stories, tenth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV10_GOLD);
            sets.put("corpus development stories, eleventh set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV11_GOLD);
            sets.put("corpus development stories, twelfth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV12_GOLD);
            sets.put("corpus development stories, thirteenth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV13_GOLD);
            sets.put("corpus development stories, fourteenth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV14_GOLD);
            sets.put("corpus development stories, fifteenth set, annotated blind", ArticleGoldEvaluation.CORPUS_DEV15_GOLD);
            return printCorpusSets(sets, dev, extractor);
        }

        /** Each gold set of corpus stories (by title), per language; misses only where --misses was allowed. */
        private int printCorpusSets(Map<String, String> goldByTitle, Path corpus, FigureExtractor extractor)
                throws IOException {
            for (Map.Entry<String, String> set : goldByTitle.entrySet()) {
                for (String language : List.of("ar", "en")) {
                    FigureGoldEvaluation.Result result = ArticleGoldEvaluation.evaluateCorpus(
                            set.getValue(), corpus, language, extractor);
                    if (result == null) {
                        System.err.println("eval figures: no corpus file at " + corpus.toAbsolutePath());
                        return 2;
                    }
                    if (result.total().expected() == 0) {
                        continue;  // a set of one language's stories
                    }
                    System.out.print(set.getKey() + " (" + language + ")\n" + result.report());
                    if (misses) {
                        result.misses().forEach(System.out::println);
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = {"Entity-level precision, recall and F1 per type and overall (conlleval semantics).",
                    "With --conll: the shipped recognizer on one file. With --cv K: K-fold cross-validation over",
                    "the training and dev files together (K blocks of contiguous sentences; tagger retrained per",
                    "fold as `train ner` trains the shipped model): mean ± standard deviation of F1 and recall."})
    static final class Ner implements Callable<Integer> {
        @Option(names = "--conll", paramLabel = "FILE", description = "A CoNLL file with gold tags.")
        Path conll;

        @Option(names = "--lang", required = true, paramLabel = "ar|en")
        String language;

        @Option(names = "--cv", paramLabel = "K", description = "Cross-validate with K folds instead.")
        Integer folds;

        @Option(names = "--folds", split = ",", paramLabel = "N,...",
                description = "With --cv: run only these folds (numbered from 1).")
        Set<Integer> only;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                description = "With --cv: folds trained at the same time (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--train", paramLabel = "FILE",
                description = "With --cv. Default: ../shared/data/ner/LANG-train.conll.")
        Path train;

        @Option(names = "--dev", paramLabel = "FILE",
                description = "With --cv, appended to --train. Default: ../shared/data/ner/LANG-dev.conll.")
        Path dev;

        @Option(names = "--corpus", split = ",", paramLabel = "FILE,...", description = {"With --cv: unlabeled",
                "articles for the word clusters, one file or several (default: as `train ner`)."})
        List<Path> corpus;

        @Option(names = "--vector-size", paramLabel = "N",
                description = "With --cv: dimensions of the skip-gram vectors (default: as `train ner`).")
        Integer vectorSize;

        @Option(names = "--vector-epochs", paramLabel = "N",
                description = "With --cv: skip-gram passes over the text (default: as `train ner`).")
        Integer vectorEpochs;

        @Option(names = "--reuse-lexicon", paramLabel = "MODEL",
                description = {"With --cv: take the word counts and clusters from this model file instead of",
                        "learning them (minutes) from the corpus and the folds' words."})
        Path lexicon;

        @Option(names = "--models-dir", paramLabel = "DIR",
                description = {"With --cv: keep each fold's tagger in DIR, and reuse those a previous run left",
                        "there instead of training (only for changes after tagging: rules, ids)."})
        Path modelsDir;

        @Option(names = "--models", paramLabel = "N",
                description = "With --cv: taggers averaged per fold (default: as the shipped model, 5).")
        Integer models;

        @Option(names = "--epochs", paramLabel = "N", description = "With --cv (default: as the shipped model).")
        Integer epochs;

        @Option(names = "--names-corpus", paramLabel = "FILE", description = {"With --cv: also learn name cues from",
                "this unlabeled news, one story per line (not in the shipped recipe; see ENTITIES.md)."})
        Path namesCorpus;

        @Option(names = "--priors-corpus", paramLabel = "FILE", description = {"With --cv: also learn type priors by",
                "tagging this unlabeled news with a first tagger per fold (not in the shipped recipe)."})
        Path priorsCorpus;

        @Option(names = "--char-grams", paramLabel = "N", description = {"With --cv: character n-grams of 3 to N",
                "(3 or 4) characters inside each word's stem as features; 0 for none (default: 0, as `train ner`)."})
        Integer charGrams;

        @Option(names = "--entity-bias", split = ",", paramLabel = "B,...",
                description = {"With --cv: score each fold's taggers once per bias added to the entity labels'",
                        "scores before decoding (trained once): a number for every type, or TYPE=B parts",
                        "joined by / (PER=2/ORG=4); the first is the one the others are compared with."})
        List<String> entityBias;

        @Option(names = "--neural", split = ",", paramLabel = "L,...",
                description = {"With --cv: also train a small BiLSTM tagger per fold on the same blocks and score",
                        "each fold once per weight L of its log-probabilities added to the perceptron's scores",
                        "before decoding (0: as shipped), then the BiLSTM alone; an experiment, see ENTITIES.md."})
        List<Float> neural;

        @Option(names = "--neural-vectors", paramLabel = "FILE", description = {"With --neural: the word vectors'",
                "cache, learned there from --corpus and the folds' words when missing",
                "(default: target/neural-vectors-LANG.bin.gz)."})
        Path neuralVectors;

        @Option(names = "--neural-below", split = ",", paramLabel = "M,...", description = {"With --neural: also",
                "score each weight with the network consulted only for sentences where the perceptron leaves some",
                "token a margin under M, once per M."})
        List<Float> belowMargins;

        @Option(names = "--neural-epochs", paramLabel = "N",
                description = "With --neural: training epochs (default: English 8, Arabic 4).")
        Integer neuralEpochs;

        @Option(names = "--neural-hidden", paramLabel = "N",
                description = "With --neural: LSTM states per direction (default: English 64, Arabic 32).")
        Integer neuralHidden;

        @Override
        public Integer call() throws IOException {
            if ((conll == null) == (folds == null)) {
                System.err.println("eval ner: give either --conll FILE or --cv K");
                return 2;
            }
            if (conll != null) {
                System.out.print(ConllEvaluation.evaluate(conll, language).report());
                return 0;
            }
            List<EntityBias> biases;
            try {
                biases = entityBias == null ? List.of() : entityBias.stream().map(EntityBias::parse).toList();
            } catch (IllegalArgumentException e) {
                System.err.println("eval ner: " + e.getMessage());
                return 2;
            }
            Path trainFile = train != null ? train : Path.of("../shared/data/ner/" + language + "-train.conll");
            Path devFile = dev != null ? dev : Path.of("../shared/data/ner/" + language + "-dev.conll");
            List<ConllCorpus.Sentence> sentences = new ArrayList<>(ConllCorpus.read(trainFile));
            if (Files.isRegularFile(devFile)) {
                sentences.addAll(ConllCorpus.read(devFile));
            }
            NerTrainer.Options options = NerTrainer.Options.defaults().withNamesCorpus(namesCorpus)
                    .withPriorsCorpus(priorsCorpus);
            if (models != null) {
                options = options.withModels(models);
            }
            if (epochs != null) {
                options = options.withEpochs(epochs);
            }
            if (charGrams != null) {
                options = options.withCharGrams(charGrams);
            }
            if (vectorSize != null || vectorEpochs != null) {
                options = options.withVectors(vectorSize != null ? vectorSize : options.dimensions(),
                        vectorEpochs != null ? vectorEpochs : options.embeddingEpochs());
            }
            if (lexicon != null) {
                options = options.withLexiconFrom(lexicon);
            }
            CrossValidation.Neural network = null;
            if (neural != null) {
                AdamTrainer.Settings settings = AdamTrainer.Settings.defaults(language);
                if (neuralEpochs != null) {
                    settings = new AdamTrainer.Settings(neuralEpochs, settings.rate(), settings.dropout(),
                            settings.clip(), settings.seed());
                }
                NeuralTagger.Shape shape = NeuralTagger.Shape.defaults(language);
                if (neuralHidden != null) {
                    shape = new NeuralTagger.Shape(shape.charDim(), shape.filters(), neuralHidden);
                }
                network = new CrossValidation.Neural(neuralVectors != null ? neuralVectors
                        : Path.of("target/neural-vectors-" + language + ".bin.gz"), neural,
                        belowMargins != null ? belowMargins : List.of(), shape, settings);
            }
            System.out.print(CrossValidation.run(language, sentences, folds, only, threads, options,
                    corpus != null ? corpus : TrainCommand.defaultCorpus(language),
                    modelsDir, biases, network, System.err).report());
            return 0;
        }
    }
}
