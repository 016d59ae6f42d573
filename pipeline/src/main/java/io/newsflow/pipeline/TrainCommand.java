package io.newsflow.pipeline;

import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.train.NerTrainer;
import io.newsflow.extraction.entities.train.PlaceTableBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reproduces the models the extraction library ships with. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train the extraction library's models.",
        subcommands = {TrainCommand.Ner.class, TrainCommand.Gazetteer.class})
final class TrainCommand {

    static final String CORPUS_AR = "../shared/data/corpus/news.jsonl";
    static final String CORPUS_EN = "../shared/data/unlabeled/en.txt.gz";
    /**
     * The neural tagger's weights in the shipped models: under 5-fold cross-validation Arabic gained on every fold
     * at 4 and 8 alike, English at 2, while weights that let the network overrule the perceptron more lost.
     */
    static final float WEIGHT_AR = 4;
    static final float WEIGHT_EN = 2;
    /**
     * The perceptron's margin under which a sentence asks for the network's scores in the shipped models: under
     * cross-validation 20 kept the whole gain in both languages (lower bounds lost part of it), while most sentences
     * lie above it, where the network changed next to nothing.
     */
    static final float MARGIN_AR = 20;
    static final float MARGIN_EN = 20;

    /**
     * The unlabeled text the shipped model of {@code language} learned its word clusters from: in English the
     * unlabeled news (Reuters and BBC) won under cross-validation on every fold; in Arabic it won on four folds
     * of five but by less than the spread of the differences, so the corpus stayed; the corpus and the unlabeled
     * news together lost, in both languages.
     */
    static List<Path> defaultCorpus(String language) {
        return List.of(Path.of("en".equals(language) ? CORPUS_EN : CORPUS_AR));
    }

    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = {"Train the named-entity models of one language from the CoNLL training and dev files and",
                    "unlabeled corpus (word clusters and vectors): the perceptron model and the neural tagger",
                    "beside it, the two files that extraction/ENTITIES.md describes."})
    static final class Ner implements Callable<Integer> {
        @Option(names = "--lang", required = true, paramLabel = "ar|en")
        String language;

        @Option(names = "--train", paramLabel = "FILE", description = "Default: ../shared/data/ner/LANG-train.conll.")
        Path train;

        @Option(names = "--dev", paramLabel = "FILE", description = {"Training data too, as for the shipped models (with",
                "--no-dev-in-training: scored after training instead). Default: ../shared/data/ner/LANG-dev.conll."})
        Path dev;

        @Option(names = "--corpus", split = ",", paramLabel = "FILE,...", description = {"Unlabeled articles for the",
                "word clusters: the corpus's JSON lines or one document per line (.txt.gz), one file or several.",
                "Default: as the shipped model, " + CORPUS_AR + " for ar, " + CORPUS_EN + " for en."})
        List<Path> corpus;

        @Option(names = "--out", paramLabel = "DIR",
                defaultValue = "extraction/src/main/resources/io/newsflow/extraction/entities",
                description = "Where the model goes (default: ${DEFAULT-VALUE}, the library's own).")
        Path out;

        @Option(names = "--epochs", paramLabel = "N")
        Integer epochs;

        @Option(names = "--neural-weight", paramLabel = "L", description = {"The factor on the neural tagger's",
                "log-probabilities, added to the perceptron's scores. Default: as the shipped models, " + WEIGHT_AR,
                "for ar, " + WEIGHT_EN + " for en (chosen by eval ner --cv)."})
        Float neuralWeight;

        @Option(names = "--neural-below-margin", paramLabel = "M", description = {"The network is consulted only for",
                "sentences where the perceptron leaves some token a margin under M. Default: as the shipped models,",
                MARGIN_AR + " for ar, " + MARGIN_EN + " for en (chosen by eval ner --cv)."})
        Float belowMargin;

        @Option(names = "--no-neural", description = {"Train the perceptron model alone, without the neural tagger",
                "beside it (and remove one left in --out from an earlier training)."})
        boolean noNeural;

        @Option(names = "--no-dev-in-training", description = {"Train on --train alone and report F1 on --dev",
                "(the shipped models are trained on both)."})
        boolean devHeldOut;

        @Override
        public Integer call() throws IOException {
            Path trainFile = train != null ? train : Path.of("../shared/data/ner/" + language + "-train.conll");
            Path devFile = dev != null ? dev : Path.of("../shared/data/ner/" + language + "-dev.conll");
            if (!Files.isRegularFile(trainFile)) {
                System.err.println("train ner: no such file: " + trainFile);
                return 2;
            }
            NerTrainer.Options options = NerTrainer.Options.defaults();
            if (epochs != null) {
                options = options.withEpochs(epochs);
            }
            boolean haveDev = Files.isRegularFile(devFile);
            List<Path> training = haveDev && !devHeldOut ? List.of(trainFile, devFile) : List.of(trainFile);
            List<Path> corpora = corpus != null ? corpus : defaultCorpus(language);
            Path model = NerTrainer.train(language, training, corpora, out, options,
                    haveDev && devHeldOut ? devFile : null, System.err);
            System.out.println("wrote " + model);
            Path network = model.resolveSibling(NeuralTagger.fileName(language));
            if (noNeural) {
                if (Files.deleteIfExists(network)) {
                    System.out.println("removed " + network + ": it was trained beside the model replaced");
                }
                return 0;
            }
            boolean arabic = "ar".equals(language);
            float weight = neuralWeight != null ? neuralWeight : arabic ? WEIGHT_AR : WEIGHT_EN;
            float margin = belowMargin != null ? belowMargin : arabic ? MARGIN_AR : MARGIN_EN;
            System.out.println("wrote " + NerTrainer.trainNeural(language, training, corpora, model, weight, margin,
                    haveDev && devHeldOut ? devFile : null, System.err));
            return 0;
        }
    }

    @Command(name = "gazetteer", mixinStandardHelpOptions = true,
            description = {"Generate the place table (places.tsv) from GeoNames: cities of more than 15,000 people",
                    "with an Arabic name, ids city:<geonameid>, plus the hand-kept spellings of city-aliases.tsv;",
                    "one-word names that the unlabeled news uses more than the city's size explains are left out."})
    static final class Gazetteer implements Callable<Integer> {
        @Option(names = "--geonames", paramLabel = "DIR", defaultValue = "../shared/data/unlabeled/geonames",
                description = "GeoNames export with cities15000.txt (default: ${DEFAULT-VALUE}).")
        Path geonames;

        @Option(names = "--unlabeled", paramLabel = "DIR", defaultValue = "../shared/data/unlabeled",
                description = "ar.txt.gz and en.txt.gz, for the word counts (default: ${DEFAULT-VALUE}).")
        Path unlabeled;

        @Option(names = "--aliases", paramLabel = "FILE", defaultValue = "extraction/src/main/gazetteer/city-aliases.tsv",
                description = "Hand-kept city names (default: ${DEFAULT-VALUE}).")
        Path aliases;

        @Option(names = "--out", paramLabel = "DIR",
                defaultValue = "extraction/src/main/resources/io/newsflow/extraction/entities",
                description = "Where places.tsv goes (default: ${DEFAULT-VALUE}, the library's own).")
        Path out;

        @Override
        public Integer call() throws IOException {
            System.out.println("wrote " + PlaceTableBuilder.build(geonames, aliases, unlabeled, out));
            return 0;
        }
    }
}
