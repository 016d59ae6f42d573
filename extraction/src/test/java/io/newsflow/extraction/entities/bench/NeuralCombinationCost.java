package io.newsflow.extraction.entities.bench;

import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.entities.neural.AdamTrainer;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.neural.WordVectors;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.train.CorpusReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the neural tagger's scores cost the recognizer: articles and tokens per CPU-second of the shipped recognizer
 * alone and with a network's log-probabilities added before decoding, over the first articles of the corpus in one
 * language, one thread, models loaded once, alternating four rounds (the first warms up). Each round reads the next
 * {@code ARTICLES} articles, so the network's per-word cache meets new words as a stream would, not the words of the
 * round before. The network is trained for no epoch on the train split: its cost does not depend on its weights.
 * Arguments: {@code LANG ARTICLES HIDDEN LAMBDA VECTORS_FILE} (the cache {@code eval ner --cv --neural} writes).
 */
public final class NeuralCombinationCost {

    private NeuralCombinationCost() {
    }

    public static void main(String[] args) throws IOException {
        String language = args[0];
        int limit = Integer.parseInt(args[1]);
        int hidden = Integer.parseInt(args[2]);
        float lambda = Float.parseFloat(args[3]);
        WordVectors vectors = WordVectors.read(Path.of(args[4]));
        var lexicon = SequenceTagger.readLexicon(resource("ner-" + language + ".model.gz"));
        List<ConllCorpus.Sentence> train = ConllCorpus.read(SharedData.require("ner/" + language + "-train.conll"));
        AdamTrainer.Settings defaults = AdamTrainer.Settings.defaults();
        NeuralTagger network = NeuralTagger.train(language, vectors, lexicon, train,
                new NeuralTagger.Shape(NeuralTagger.Shape.defaults().charDim(), NeuralTagger.Shape.defaults()
                        .filters(), hidden), new AdamTrainer.Settings(0, defaults.rate(), defaults.dropout(),
                        defaults.clip(), defaults.seed()), System.err);
        EntityRecognizer shipped = EntityRecognizer.load();
        EntityRecognizer combined = shipped.withExtraScores(language, network.logProbabilities(lambda), 1);
        int rounds = 4;
        List<String> all = new ArrayList<>();
        CorpusReader.forEach(SharedData.dir().resolve("corpus/news.jsonl"), language, rounds * limit, all::add);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            List<String> articles = all.subList(round * limit, Math.min(all.size(), (round + 1) * limit));
            long tokens = 0;
            for (String text : articles) {
                tokens += Tokenizer.tokenize(text).size();
            }
            for (EntityRecognizer recognizer : List.of(shipped, combined)) {
                long started = threads.getCurrentThreadCpuTime();
                for (String text : articles) {
                    recognizer.recognize(text, language);
                }
                double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "%s round %d %-8s: %d articles, %d tokens, %.2f CPU-s: %.0f articles "
                                + "and %.0f tokens per CPU-second%n", language, round,
                        recognizer == shipped ? "shipped" : "combined", articles.size(), tokens, seconds,
                        articles.size() / seconds, tokens / seconds);
            }
        }
    }

    private static InputStream resource(String name) {
        return EntityRecognizer.class.getResourceAsStream(name);
    }
}
