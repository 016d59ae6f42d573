package io.newsflow.extraction.entities.bench;

import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.train.CorpusReader;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the neural tagger's scores cost the recognizer: articles and tokens per CPU-second of the shipped recognizer
 * and of the same recognizer with the perceptron alone, over the corpus articles of one language, one thread, models
 * loaded once, the two alternating over {@code ROUNDS} rounds (the first warms up). Each round reads the next
 * {@code ARTICLES} articles, so the network's per-word cache meets new words as a stream would, not the words of the
 * round before. Arguments: {@code LANG ARTICLES [ROUNDS [MARGIN...]]}; each margin adds the shipped network
 * consulted only below that margin of the perceptron's (see {@code ExtraScores#belowMargin}).
 */
public final class NeuralCombinationCost {

    private NeuralCombinationCost() {
    }

    public static void main(String[] args) throws IOException {
        String language = args[0];
        int limit = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        EntityRecognizer shipped = EntityRecognizer.load();
        EntityRecognizer perceptron = shipped.withExtraScores(language, null, 1);
        Map<EntityRecognizer, String> names = new LinkedHashMap<>();
        names.put(perceptron, "perceptron");
        names.put(shipped, "shipped");
        if (args.length > 3) {
            NeuralTagger.Shipped network;
            try (InputStream in = EntityRecognizer.class.getResourceAsStream(NeuralTagger.fileName(language));
                 InputStream model = EntityRecognizer.class.getResourceAsStream("ner-" + language + ".model.gz")) {
                network = NeuralTagger.read(in, language, SequenceTagger.readLexicon(model));
            }
            for (int a = 3; a < args.length; a++) {
                float margin = Float.parseFloat(args[a]);
                names.put(shipped.withExtraScores(language, network.network().logProbabilities(network.weight(),
                        margin), 1), "below " + args[a]);
            }
        }
        List<String> all = new ArrayList<>();
        CorpusReader.forEach(SharedData.dir().resolve("corpus/news.jsonl"), language, rounds * limit, all::add);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            List<String> articles = all.subList(round * limit, Math.min(all.size(), (round + 1) * limit));
            long tokens = 0;
            for (String text : articles) {
                tokens += Tokenizer.tokenize(text).size();
            }
            for (EntityRecognizer recognizer : names.keySet()) {
                long started = threads.getCurrentThreadCpuTime();
                for (String text : articles) {
                    recognizer.recognize(text, language);
                }
                double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "%s round %d %-10s: %d articles, %d tokens, %.2f CPU-s: %.0f articles "
                                + "and %.0f tokens per CPU-second%n", language, round,
                        names.get(recognizer), articles.size(), tokens, seconds,
                        articles.size() / seconds, tokens / seconds);
            }
        }
    }
}
