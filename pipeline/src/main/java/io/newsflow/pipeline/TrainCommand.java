package io.newsflow.pipeline;

import io.newsflow.extraction.entities.train.NerTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reproduces the models the extraction library ships with. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train the extraction library's models.",
        subcommands = TrainCommand.Ner.class)
final class TrainCommand {

    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = {"Train the named-entity model of one language from a CoNLL training file and the",
                    "unlabeled corpus (word clusters). Writes the model file that extraction/ENTITIES.md describes."})
    static final class Ner implements Callable<Integer> {
        @Option(names = "--lang", required = true, paramLabel = "ar|en")
        String language;

        @Option(names = "--train", paramLabel = "FILE", description = "Default: ../shared/data/ner/LANG-train.conll.")
        Path train;

        @Option(names = "--dev", paramLabel = "FILE", description = "Reports F1 on it after training. Default: ../shared/data/ner/LANG-dev.conll.")
        Path dev;

        @Option(names = "--corpus", paramLabel = "FILE", defaultValue = "../shared/data/corpus/news.jsonl",
                description = "Unlabeled articles for the word clusters (default: ${DEFAULT-VALUE}).")
        Path corpus;

        @Option(names = "--out", paramLabel = "DIR",
                defaultValue = "extraction/src/main/resources/io/newsflow/extraction/entities",
                description = "Where the model goes (default: ${DEFAULT-VALUE}, the library's own).")
        Path out;

        @Option(names = "--epochs", paramLabel = "N")
        Integer epochs;

        @Override
        public Integer call() throws IOException {
            Path trainFile = train != null ? train : Path.of("../shared/data/ner/" + language + "-train.conll");
            Path devFile = dev != null ? dev : Path.of("../shared/data/ner/" + language + "-dev.conll");
            NerTrainer.Options options = NerTrainer.Options.defaults();
            if (epochs != null) {
                options = options.withEpochs(epochs);
            }
            Path model = NerTrainer.train(language, trainFile, corpus, out, options,
                    devFile.toFile().isFile() ? devFile : null, System.err);
            System.out.println("wrote " + model);
            return 0;
        }
    }
}
