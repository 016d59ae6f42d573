package io.newsflow.extraction.entities.neural;

import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.ExtraScores;
import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BiLstmNetwork} with what turns text into its inputs: the word vectors, keyed through the perceptron's
 * lexicon (see {@link WordVectors#key}), and the alphabet of the training text's letters. Its label
 * log-probabilities, times a weight, are {@link ExtraScores} for the perceptron's decoder. Thread-safe once trained.
 */
public final class NeuralTagger {

    /** Sizes of the network the cross-validation option trains. */
    public record Shape(int charDim, int filters, int hidden) {
        public static Shape defaults() {
            return new Shape(16, 32, 32);
        }
    }

    private static final int MIN_CHAR_COUNT = 2;
    /** Words whose projections are kept, at 1 KB each with 32 states: a bound on the memory tagging takes. */
    private static final int CACHED_WORDS = 20_000;

    private final Inference inference;
    /** Per token text (raw hash), its {@link Inference#project projection}, filled as words come. */
    private final Map<Long, float[][]> projections = new ConcurrentHashMap<>();
    private final WordVectors vectors;
    private final Lexicon lexicon;
    private final boolean arabic;
    private final Map<Character, Integer> alphabet;

    private NeuralTagger(Inference inference, WordVectors vectors, Lexicon lexicon, boolean arabic,
                         Map<Character, Integer> alphabet) {
        this.inference = inference;
        this.vectors = vectors;
        this.lexicon = lexicon;
        this.arabic = arabic;
        this.alphabet = alphabet;
    }

    public static NeuralTagger train(String language, WordVectors vectors, Lexicon lexicon,
                                     List<ConllCorpus.Sentence> training, Shape shape,
                                     AdamTrainer.Settings settings, PrintStream log) {
        Map<Character, Integer> counts = new HashMap<>();
        for (ConllCorpus.Sentence sentence : training) {
            for (String word : sentence.words()) {
                for (int i = 0; i < word.length(); i++) {
                    counts.merge(word.charAt(i), 1, Integer::sum);
                }
            }
        }
        Map<Character, Integer> alphabet = new HashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= MIN_CHAR_COUNT).map(Map.Entry::getKey).sorted()
                .forEach(c -> alphabet.put(c, 2 + alphabet.size()));
        BiLstmNetwork network = new BiLstmNetwork(vectors.dimensions(), 2 + alphabet.size(), shape.charDim(),
                shape.filters(), shape.hidden(), settings.seed());
        boolean arabic = language.equals("ar");
        BiLstmNetwork.Token[][] inputs = new BiLstmNetwork.Token[training.size()][];
        int[][] labels = new int[training.size()][];
        int known = 0;
        int tokens = 0;
        for (int s = 0; s < training.size(); s++) {
            List<String> words = training.get(s).words();
            inputs[s] = new BiLstmNetwork.Token[words.size()];
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                inputs[s][i] = token(vectors, lexicon, arabic, alphabet, word, 0, word.length());
                known += inputs[s][i].vector() != null ? 1 : 0;
            }
            tokens += words.size();
            labels[s] = training.get(s).labels();
        }
        log.printf(Locale.ROOT, "neural tagger: %d parameters, %d letters, %d sentences, %.1f%% of %d tokens with a "
                + "word vector%n", network.parameterCount(), alphabet.size(), training.size(),
                100.0 * known / Math.max(1, tokens), tokens);
        AdamTrainer.train(network, inputs, labels, settings, log);
        return new NeuralTagger(new Inference(network), vectors, lexicon, arabic, alphabet);
    }

    private static BiLstmNetwork.Token token(WordVectors vectors, Lexicon lexicon, boolean arabic,
                                             Map<Character, Integer> alphabet, String text, int start, int end) {
        float[] vector = vectors.of(WordVectors.key(lexicon, text, start, end, arabic));
        int[] chars = new int[Math.min(end - start, BiLstmNetwork.MAX_CHARS)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet.getOrDefault(text.charAt(start + i), BiLstmNetwork.UNKNOWN_CHAR);
        }
        return new BiLstmNetwork.Token(vector, chars);
    }

    /**
     * Label probabilities of tokens {@code [from, to)} read as one sentence, {@code [token][label]}. A word's
     * contribution before the recurrence (its vector and character CNN through the input weights) is computed once
     * and kept for the first {@value #CACHED_WORDS} distinct words, so the recurrence is most of the cost.
     */
    public double[][] probabilities(Tokens tokens, int from, int to) {
        String text = tokens.text();
        float[][][] projected = new float[to - from][][];
        for (int i = from; i < to; i++) {
            long key = FoldedHash.rawHash(text, tokens.start(i), tokens.end(i));
            float[][] projection = projections.get(key);
            if (projection == null) {
                projection = inference.project(token(vectors, lexicon, arabic, alphabet, text, tokens.start(i),
                        tokens.end(i)));
                if (projections.size() < CACHED_WORDS) {
                    projections.put(key, projection);
                }
            }
            projected[i - from] = projection;
        }
        return inference.probabilities(projected);
    }

    /** {@code weight} × log p(label | sentence) per token, for the perceptron's decoder. */
    public ExtraScores logProbabilities(float weight) {
        return (tokens, from, to, out) -> {
            double[][] p = probabilities(tokens, from, to);
            for (int i = 0; i < p.length; i++) {
                for (int l = 0; l < Labels.COUNT; l++) {
                    out[i * Labels.COUNT + l] = (float) (weight * Math.log(Math.max(p[i][l], 1e-30)));
                }
            }
        };
    }
}
