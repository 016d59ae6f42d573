package io.newsflow.pipeline;

import io.newsflow.extraction.entities.eval.ConllEvaluation;
import io.newsflow.extraction.figures.FigureExtractor;
import io.newsflow.extraction.figures.eval.ArticleGoldEvaluation;
import io.newsflow.extraction.figures.eval.FigureGoldEvaluation;
import io.newsflow.extraction.figures.eval.NumberCasesEvaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

        @Option(names = "--misses", description = "Also list every missed or spurious figure.")
        boolean misses;

        @Override
        public Integer call() throws IOException {
            FigureExtractor extractor = FigureExtractor.create();
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
    }

    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = "Entity-level precision, recall and F1 per type and overall (conlleval semantics).")
    static final class Ner implements Callable<Integer> {
        @Option(names = "--conll", required = true, paramLabel = "FILE", description = "A CoNLL file with gold tags.")
        Path conll;

        @Option(names = "--lang", required = true, paramLabel = "ar|en")
        String language;

        @Override
        public Integer call() throws IOException {
            System.out.print(ConllEvaluation.evaluate(conll, language).report());
            return 0;
        }
    }
}
