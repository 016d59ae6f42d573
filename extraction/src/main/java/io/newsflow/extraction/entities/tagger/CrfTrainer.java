package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains the weights of a {@link SequenceTagger} as a linear-chain conditional random field (Lafferty et al. 2001):
 * the same features, weight table and well-formed BIO lattice as {@link PerceptronTrainer}, but maximizing the
 * conditional log-likelihood of the gold labels, with forward-backward over the lattice, under an L2 prior.
 * The tagger then decodes with Viterbi as before; only the weights differ.
 *
 * <p>Optimized by AdaGrad, one sentence at a time, rather than by L-BFGS over the whole corpus: the document
 * history features depend on what the tagger itself said earlier in the document, so the objective moves with the
 * weights and a batch optimizer's line searches would chase a function that changes under them; online updates
 * follow it as the perceptron does, and converge in as many passes.
 */
public final class CrfTrainer {

    /** AdaGrad's base step; its per-weight scaling makes the choice matter little. */
    private static final float LEARNING_RATE = 0.1f;
    /**
     * The L2 prior's strength over the whole training set (a Gaussian of variance 1/λ on each weight), spread over
     * the sentences; a row pays it for the sentences since it was last touched when it is next touched (lazily,
     * since a sentence touches a few hundred of hundreds of thousands of rows).
     */
    private static final float L2 = 1f;
    /**
     * Features whose weights all stay smaller than this (in units of log-potential) are dropped: under the prior
     * rare features end near zero, and the table keeps about the perceptron's size, so tagging costs the same.
     */
    private static final float PRUNE_BELOW = 0.05f;

    /**
     * The written weights are the log-potentials times this. Viterbi does not care, but the recognizer reads a
     * token's confidence as the logistic of its score margin and extends names it is at least 0.95 sure of to their
     * other mentions, a threshold met by a perceptron's margins of tens; in nats it would be met only by names the
     * CRF gives twenty to one, and the rule would hardly fire.
     */
    private static final float SCORE_SCALE = 10f;

    private final String language;
    private final Lexicon lexicon;
    private final Gazetteer gazetteer;

    private final Table emissions = new Table(Labels.COUNT);
    private final Table transitions = new Table(Lattice.PREVIOUS * Labels.COUNT);

    private final long[] feats = new long[Features.MAX];
    private final float[] scores = new float[Labels.COUNT];
    private final float[] pair = new float[Lattice.PREVIOUS * Labels.COUNT];
    private final float[] gradient = new float[Lattice.PREVIOUS * Labels.COUNT];
    private final Lattice lattice = new Lattice();
    private int[] predicted = new int[64];
    private double[] alpha = new double[64 * Labels.COUNT];
    private double[] beta = new double[64 * Labels.COUNT];
    private float regularization;
    private int sentence;

    public CrfTrainer(String language, Lexicon lexicon, Gazetteer gazetteer) {
        this.language = language;
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
    }

    /**
     * Runs {@code epochs} passes over {@code data} in documents of {@link PerceptronTrainer#DOCUMENT_SENTENCES}
     * sentences, shuffled by {@code seed}; {@code afterEpoch} receives the tagger after each pass, and the last one
     * is returned.
     */
    public SequenceTagger train(List<ConllCorpus.Sentence> data, int epochs, long seed,
                                Consumer<SequenceTagger> afterEpoch) {
        Features features = new Features(lexicon, gazetteer, language.equals("ar"));
        List<Features.Sentence> prepared = new ArrayList<>(data.size());
        List<int[]> gold = new ArrayList<>(data.size());
        for (ConllCorpus.Sentence sentence : data) {
            Tokens tokens = Tokens.ofWords(sentence.words());
            Features.Sentence s = new Features.Sentence();
            features.prepare(tokens, 0, tokens.size(), s);
            prepared.add(s);
            gold.add(PerceptronTrainer.wellFormed(sentence.labels()));
        }
        regularization = L2 / Math.max(1, data.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i += PerceptronTrainer.DOCUMENT_SENTENCES) {
            order.add(i);
        }
        Random random = new Random(seed);
        History history = new History();
        SequenceTagger tagger = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int document : order) {
                history.clear();
                int end = Math.min(data.size(), document + PerceptronTrainer.DOCUMENT_SENTENCES);
                for (int k = document; k < end; k++) {
                    if (prepared.get(k).size() > 0) {
                        learn(features, prepared.get(k), gold.get(k), history);
                    }
                }
            }
            tagger = new SequenceTagger(language, lexicon, emissions.pruned(), transitions.pruned(), gazetteer);
            afterEpoch.accept(tagger);
        }
        return tagger;
    }

    /**
     * One AdaGrad step on one sentence's negative log-likelihood: the gradient of a feature's weight for a label
     * is the label's marginal probability where the feature fires minus its gold count there.
     */
    private void learn(Features features, Features.Sentence s, int[] labels, History history) {
        int n = s.size();
        int c = Labels.COUNT;
        lattice.ensure(n);
        if (predicted.length < n) {
            predicted = new int[Math.max(n, 2 * predicted.length)];
        }
        if (alpha.length < n * c) {
            alpha = new double[2 * n * c];
            beta = new double[2 * n * c];
        }
        float[] score = lattice.score;
        for (int i = 0; i < n; i++) {
            Arrays.fill(scores, 0);
            emissions.addTo(feats, features.emission(s, i, history, feats), scores);
            Arrays.fill(pair, 0);
            transitions.addTo(feats, features.transition(s, i, feats), pair);
            for (int p = i == 0 ? Labels.START : 0; p < (i == 0 ? Labels.START + 1 : c); p++) {
                for (int l = 0; l < c; l++) {
                    score[Lattice.at(i, p) + l] = scores[l] + pair[p * c + l];
                }
            }
        }
        double logZ = forwardBackward(n, score);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < c; l++) {
                gradient[l] = (float) Math.exp(alpha[i * c + l] + beta[i * c + l] - logZ);
            }
            gradient[labels[i]] -= 1;
            int count = features.emission(s, i, history, feats);
            for (int f = 0; f < count; f++) {
                emissions.step(feats[f], gradient, regularization, sentence);
            }
            Arrays.fill(gradient, 0);
            for (int p = i == 0 ? Labels.START : 0; p < (i == 0 ? Labels.START + 1 : c); p++) {
                double before = i == 0 ? 0 : alpha[(i - 1) * c + p];
                for (int l = 0; l < c; l++) {
                    if (Lattice.allowed(p, l)) {
                        gradient[p * c + l] = (float) Math.exp(before + score[Lattice.at(i, p) + l]
                                + beta[i * c + l] - logZ);
                    }
                }
            }
            gradient[(i == 0 ? Labels.START : labels[i - 1]) * c + labels[i]] -= 1;
            count = features.transition(s, i, feats);
            for (int f = 0; f < count; f++) {
                transitions.step(feats[f], gradient, regularization, sentence);
            }
        }
        sentence++;
        // The history learns from the tagger's own decoding, as at tagging time (see PerceptronTrainer).
        lattice.decode(n, predicted, null);
        for (int i = 0; i < n; i++) {
            history.record(Features.memoryKey(s, i), predicted[i]);
        }
    }

    /** Fills {@link #alpha} and {@link #beta} (log-space, well-formed paths only) and returns log Z. */
    private double forwardBackward(int n, float[] score) {
        int c = Labels.COUNT;
        double[] terms = new double[c];
        for (int l = 0; l < c; l++) {
            alpha[l] = Lattice.allowed(Labels.START, l) ? score[Lattice.at(0, Labels.START) + l]
                    : Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int l = 0; l < c; l++) {
                for (int p = 0; p < c; p++) {
                    terms[p] = Lattice.allowed(p, l) ? alpha[(i - 1) * c + p] + score[Lattice.at(i, p) + l]
                            : Double.NEGATIVE_INFINITY;
                }
                alpha[i * c + l] = logSumExp(terms, c);
            }
        }
        for (int l = 0; l < c; l++) {
            beta[(n - 1) * c + l] = 0;
        }
        for (int i = n - 2; i >= 0; i--) {
            for (int p = 0; p < c; p++) {
                for (int l = 0; l < c; l++) {
                    terms[l] = Lattice.allowed(p, l) ? score[Lattice.at(i + 1, p) + l] + beta[(i + 1) * c + l]
                            : Double.NEGATIVE_INFINITY;
                }
                beta[i * c + p] = logSumExp(terms, c);
            }
        }
        for (int l = 0; l < c; l++) {
            terms[l] = alpha[(n - 1) * c + l];
        }
        return logSumExp(terms, c);
    }

    private static double logSumExp(double[] terms, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, terms[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += Math.exp(terms[k] - max);
        }
        return max + Math.log(sum);
    }

    /** Features' weights and AdaGrad's sums of squared gradients, {@code width} per feature. */
    private static final class Table {
        private final int width;
        private final LongIntMap index = new LongIntMap(1 << 16);
        private long[] keys = new long[1 << 12];
        private float[] weights;
        private float[] squares;
        /** The sentence at which each row last paid the prior. */
        private int[] touched;
        private int rows;

        Table(int width) {
            this.width = width;
            this.weights = new float[keys.length * width];
            this.squares = new float[keys.length * width];
            this.touched = new int[keys.length];
        }

        void addTo(long[] features, int count, float[] into) {
            for (int f = 0; f < count; f++) {
                int row = index.get(features[f], -1);
                if (row >= 0) {
                    int base = row * width;
                    for (int l = 0; l < width; l++) {
                        into[l] += weights[base + l];
                    }
                }
            }
        }

        /** AdaGrad on one feature's row for {@code gradient}, plus the prior's pull towards zero. */
        void step(long feature, float[] gradient, float regularization, int sentence) {
            int row = index.get(feature, -1);
            if (row < 0) {
                row = newRow(feature);
                touched[row] = sentence;
            }
            float prior = regularization * (sentence - touched[row]);
            touched[row] = sentence;
            int base = row * width;
            for (int l = 0; l < width; l++) {
                float g = gradient[l] + prior * weights[base + l];
                if (g == 0) {
                    continue;
                }
                squares[base + l] += g * g;
                // The floor keeps a gradient too small to square in a float from dividing by zero.
                weights[base + l] -= LEARNING_RATE * g / ((float) Math.sqrt(squares[base + l]) + 1e-6f);
            }
        }

        private int newRow(long key) {
            if (rows == keys.length) {
                keys = Arrays.copyOf(keys, rows * 2);
                weights = Arrays.copyOf(weights, rows * 2 * width);
                squares = Arrays.copyOf(squares, rows * 2 * width);
                touched = Arrays.copyOf(touched, rows * 2);
            }
            keys[rows] = key;
            index.put(key, rows);
            return rows++;
        }

        Weights pruned() {
            long[] keptKeys = new long[rows];
            float[] kept = new float[rows * width];
            int size = 0;
            for (int r = 0; r < rows; r++) {
                float max = 0;
                for (int l = 0; l < width; l++) {
                    max = Math.max(max, Math.abs(weights[r * width + l]));
                }
                if (max >= PRUNE_BELOW) {
                    keptKeys[size] = keys[r];
                    for (int l = 0; l < width; l++) {
                        kept[size * width + l] = SCORE_SCALE * weights[r * width + l];
                    }
                    size++;
                }
            }
            return Weights.of(width, keptKeys, kept, size);
        }
    }
}
