package io.newsflow.extraction.entities.neural;

import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.ExtraScores;
import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A {@link BiLstmNetwork} with what turns text into its inputs: the word vectors, keyed through the perceptron's
 * lexicon (see {@link WordVectors#key}), and the alphabet of the training text's letters. Its label
 * log-probabilities, times a weight, are {@link ExtraScores} for the perceptron's decoder. {@code train ner} trains
 * one beside each perceptron model ({@link #fileName}); {@code EntityRecognizer.load} adds its scores at the weight
 * stored with it. Thread-safe once trained.
 */
public final class NeuralTagger {

    /** Sizes of the network. */
    public record Shape(int charDim, int filters, int hidden) {
        /**
         * What {@code train ner} and the cross-validation option train per language: English gains from 64 states
         * per direction by more than the folds' spread, Arabic not (ENTITIES.md).
         */
        public static Shape defaults(String language) {
            return new Shape(16, 32, language.equals("en") ? 64 : 32);
        }
    }

    private static final int MIN_CHAR_COUNT = 2;
    /**
     * Floats of word projections kept (about 51 MB): a word's projection holds 8 × states floats, so 50,000 words
     * with 32 states per direction, 25,000 with 64.
     */
    private static final int CACHED_FLOATS = 12_800_000;

    private static final String MAGIC = "newsflow neural tagger 2";
    /** A label the network rules out still costs a bounded amount, so the perceptron can overrule it. */
    private static final double LOG_FLOOR = Math.log(1e-30);

    private final Inference inference;
    /** Per token text (raw hash), its {@link Inference#project projection}, filled as words come. */
    private final Map<Long, float[][]> projections = new ConcurrentHashMap<>();
    private final int cachedWords;
    private final WordVectors vectors;
    private final Lexicon lexicon;
    private final boolean arabic;
    private final Map<Character, Integer> alphabet;

    private NeuralTagger(Inference inference, WordVectors vectors, Lexicon lexicon, boolean arabic,
                         Map<Character, Integer> alphabet) {
        this.inference = inference;
        this.cachedWords = CACHED_FLOATS / inference.projectionFloats();
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

    /** The word vectors it reads, learned from unlabeled text (no labels). */
    public WordVectors vectors() {
        return vectors;
    }

    /** The file name of a language's network, beside its perceptron model in the output directory and the resources. */
    public static String fileName(String language) {
        return "ner-" + language + ".neural.gz";
    }

    /**
     * A network read from a model file, with the weight its scores were chosen to take and the perceptron's margin
     * under which a sentence asks for them.
     */
    public record Shipped(NeuralTagger network, float weight, float belowMargin) {
        public ExtraScores scores() {
            return network.logProbabilities(weight, belowMargin);
        }
    }

    /**
     * Writes the network, its alphabet, its word vectors, {@code weight}, the factor {@link Shipped#scores()} puts on
     * its log-probabilities, and {@code belowMargin}, the margin under which a sentence asks for them, to the stream
     * (gzip), which it closes.
     */
    public void write(OutputStream target, float weight, float belowMargin) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target,
                1 << 16)))) {
            out.writeUTF(MAGIC);
            out.writeUTF(arabic ? "ar" : "en");
            out.writeInt(lexicon.size());
            out.writeFloat(weight);
            out.writeFloat(belowMargin);
            BiLstmNetwork network = inference.network();
            out.writeInt(network.charDim);
            out.writeInt(network.filters);
            out.writeInt(network.hidden);
            char[] letters = new char[alphabet.size()];
            alphabet.forEach((letter, index) -> letters[index - 2] = letter);
            out.writeUTF(new String(letters));
            vectors.writeTo(out);
            for (double v : network.w) {
                out.writeFloat((float) v);
            }
        }
    }

    /**
     * Reads what {@link #write} wrote, for the perceptron model whose lexicon is {@code lexicon}: the network keys
     * its word vectors through that lexicon, so a network trained beside another model is refused.
     */
    public static Shipped read(InputStream source, String language, Lexicon lexicon) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a newsflow neural tagger");
        }
        String written = in.readUTF();
        int lexiconSize = in.readInt();
        if (!written.equals(language) || lexiconSize != lexicon.size()) {
            throw new IOException("a neural tagger trained beside another model (" + written + ", lexicon of "
                    + lexiconSize + " words; this model: " + language + ", " + lexicon.size() + ")");
        }
        float weight = in.readFloat();
        float belowMargin = in.readFloat();
        int charDim = in.readInt();
        int filters = in.readInt();
        int hidden = in.readInt();
        String letters = in.readUTF();
        Map<Character, Integer> alphabet = new HashMap<>();
        for (int i = 0; i < letters.length(); i++) {
            alphabet.put(letters.charAt(i), 2 + i);
        }
        WordVectors vectors = WordVectors.readFrom(in);
        BiLstmNetwork network = new BiLstmNetwork(vectors.dimensions(), 2 + alphabet.size(), charDim, filters,
                hidden, 0);
        for (int i = 0; i < network.w.length; i++) {
            network.w[i] = in.readFloat();
        }
        return new Shipped(new NeuralTagger(new Inference(network), vectors, lexicon, language.equals("ar"),
                alphabet), weight, belowMargin);
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
     * Natural log of the label probabilities of tokens {@code [from, to)} read as one sentence, {@code [token][label]}.
     * A word's contribution before the recurrence (its vector and character CNN through the input weights) is
     * computed once and kept; the kept words are forgotten all at once when they hold {@value #CACHED_FLOATS} floats,
     * which bounds the memory while a stream's vocabulary keeps growing.
     */
    public double[][] logProbabilities(Tokens tokens, int from, int to) {
        String text = tokens.text();
        float[][][] projected = new float[to - from][][];
        for (int i = from; i < to; i++) {
            long key = FoldedHash.rawHash(text, tokens.start(i), tokens.end(i));
            float[][] projection = projections.get(key);
            if (projection == null) {
                projection = inference.project(token(vectors, lexicon, arabic, alphabet, text, tokens.start(i),
                        tokens.end(i)));
                if (projections.size() >= cachedWords) {
                    projections.clear();
                }
                projections.put(key, projection);
            }
            projected[i - from] = projection;
        }
        return inference.logProbabilities(projected);
    }

    /** {@code weight} × log p(label | sentence) per token, for the perceptron's decoder, for every sentence. */
    public ExtraScores logProbabilities(float weight) {
        return logProbabilities(weight, Float.POSITIVE_INFINITY);
    }

    /**
     * {@code weight} × log p(label | sentence) per token, asked for only where the perceptron's own decoding leaves
     * some token a margin under {@code belowMargin} (see {@link ExtraScores#belowMargin}).
     */
    public ExtraScores logProbabilities(float weight, float belowMargin) {
        return new ExtraScores() {
            @Override
            public void score(Tokens tokens, int from, int to, float[] out) {
                double[][] logP = logProbabilities(tokens, from, to);
                for (int i = 0; i < logP.length; i++) {
                    for (int l = 0; l < Labels.COUNT; l++) {
                        out[i * Labels.COUNT + l] = (float) (weight * Math.max(logP[i][l], LOG_FLOOR));
                    }
                }
            }

            @Override
            public float belowMargin() {
                return belowMargin;
            }
        };
    }
}
