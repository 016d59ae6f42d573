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
 * Trains a {@link SequenceTagger} with the averaged structured perceptron (Collins 2002), decoding each sentence
 * with Viterbi exactly as at tagging time, and feeding the document history the tagger's own labels, not gold
 * ones, so that the history features learn how far its earlier guesses can be trusted. Averaging the weights over
 * every step is what keeps a perceptron from memorizing the last sentences it saw.
 */
public final class PerceptronTrainer {

    /**
     * Features whose averaged weights are all smaller than this are dropped. A weight is in units of one
     * perceptron update, so these are features that mattered in a handful of updates early on and were averaged
     * away: dropping them kept dev F1 within 0.1 in both languages, cut the Arabic table from 92,000 features
     * to 29,000, and made tagging about 1.7 times faster, the table now fitting the caches.
     */
    private static final float PRUNE_BELOW = 2f;

    private final String language;
    /**
     * Training decodes with this much added to every wrong label's score (loss-augmented decoding), so that an
     * update also happens where the gold sequence wins by less than a margin, not only where it loses. It pays with
     * Arabic's smaller and noisier training data, not with English's.
     */
    private final float margin;
    private final Lexicon lexicon;
    private final Gazetteer gazetteer;

    private final Table emissions = new Table(Labels.COUNT);
    private final Table transitions = new Table(Lattice.PREVIOUS * Labels.COUNT);
    private long step = 1;

    private final long[] feats = new long[Features.MAX];
    private final float[] scores = new float[Labels.COUNT];
    private final float[] pair = new float[Lattice.PREVIOUS * Labels.COUNT];
    private final Lattice lattice = new Lattice();
    private int[] predicted = new int[64];

    public PerceptronTrainer(String language, Lexicon lexicon, Gazetteer gazetteer) {
        this.language = language;
        this.margin = language.equals("ar") ? 1 : 0;
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
    }

    /**
     * Sentences per pseudo-document. The training files have no document boundaries, so consecutive sentences
     * are grouped to give the document {@link History} features something like a story's worth of context.
     */
    public static final int DOCUMENT_SENTENCES = 20;

    /**
     * Runs {@code epochs} passes over {@code data}, whose documents ({@link #DOCUMENT_SENTENCES} consecutive
     * sentences) come in a shuffled order fixed by {@code seed}; after each epoch,
     * {@code afterEpoch} receives the averaged tagger so far (for dev-set reports), and the last one is returned.
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
            gold.add(wellFormed(sentence.labels()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i += DOCUMENT_SENTENCES) {
            order.add(i);
        }
        Random random = new Random(seed);
        History history = new History();
        SequenceTagger tagger = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int document : order) {
                history.clear();
                for (int k = document; k < Math.min(data.size(), document + DOCUMENT_SENTENCES); k++) {
                    learn(features, prepared.get(k), gold.get(k), history);
                }
            }
            tagger = averaged();
            afterEpoch.accept(tagger);
        }
        return tagger;
    }

    /**
     * Decodes one sentence with the current weights (plus the {@link #margin} for wrong labels) and, where the best
     * sequence differs from the gold one, moves the weights towards the gold sequence's features and away from the
     * predicted one's (Collins 2002).
     */
    private void learn(Features features, Features.Sentence s, int[] labels, History history) {
        int n = s.size();
        lattice.ensure(n);
        if (predicted.length < n) {
            predicted = new int[Math.max(n, 2 * predicted.length)];
        }
        float[] score = lattice.score;
        for (int i = 0; i < n; i++) {
            Arrays.fill(scores, 0);
            emissions.addTo(feats, features.emission(s, i, history, feats), scores);
            Arrays.fill(pair, 0);
            transitions.addTo(feats, features.transition(s, i, feats), pair);
            for (int p = i == 0 ? Labels.START : 0; p < (i == 0 ? Labels.START + 1 : Labels.COUNT); p++) {
                for (int l = 0; l < Labels.COUNT; l++) {
                    score[Lattice.at(i, p) + l] = scores[l] + pair[p * Labels.COUNT + l]
                            + (l == labels[i] ? 0 : margin);
                }
            }
        }
        lattice.decode(n, predicted, null);
        for (int i = 0; i < n; i++) {
            int gold = labels[i];
            int guess = predicted[i];
            int goldPair = (i == 0 ? Labels.START : labels[i - 1]) * Labels.COUNT + gold;
            int guessPair = (i == 0 ? Labels.START : predicted[i - 1]) * Labels.COUNT + guess;
            if (gold != guess) {
                int count = features.emission(s, i, history, feats);
                for (int f = 0; f < count; f++) {
                    emissions.update(feats[f], gold, guess, step);
                }
            }
            if (goldPair != guessPair) {
                int count = features.transition(s, i, feats);
                for (int f = 0; f < count; f++) {
                    transitions.update(feats[f], goldPair, guessPair, step);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            history.record(Features.memoryKey(s, i), predicted[i]);
        }
        step++;
    }

    /** ANERcorp has a few I- tags with no entity to continue; they begin one. */
    private static int[] wellFormed(int[] labels) {
        int[] fixed = labels.clone();
        int previous = Labels.START;
        for (int i = 0; i < fixed.length; i++) {
            if (!Labels.allowed(previous, fixed[i])) {
                fixed[i] -= 1;
            }
            previous = fixed[i];
        }
        return fixed;
    }

    private SequenceTagger averaged() {
        return new SequenceTagger(language, lexicon, emissions.averaged(step), transitions.averaged(step),
                gazetteer);
    }

    /** Features' current and accumulated weights, {@code width} per feature, for averaging (Daumé's trick). */
    private static final class Table {
        private final int width;
        private final LongIntMap index = new LongIntMap(1 << 16);
        private long[] keys = new long[1 << 12];
        private float[] weights;
        private double[] accumulated;
        private int rows;

        Table(int width) {
            this.width = width;
            this.weights = new float[keys.length * width];
            this.accumulated = new double[keys.length * width];
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

        void update(long feature, int gold, int guess, long step) {
            int row = index.get(feature, -1);
            if (row < 0) {
                row = newRow(feature);
            }
            int base = row * width;
            weights[base + gold] += 1;
            accumulated[base + gold] += step;
            weights[base + guess] -= 1;
            accumulated[base + guess] -= step;
        }

        private int newRow(long key) {
            if (rows == keys.length) {
                keys = Arrays.copyOf(keys, rows * 2);
                weights = Arrays.copyOf(weights, rows * 2 * width);
                accumulated = Arrays.copyOf(accumulated, rows * 2 * width);
            }
            keys[rows] = key;
            index.put(key, rows);
            return rows++;
        }

        Weights averaged(long step) {
            long[] keptKeys = new long[rows];
            float[] kept = new float[rows * width];
            int size = 0;
            float[] row = new float[width];
            for (int r = 0; r < rows; r++) {
                float max = 0;
                for (int l = 0; l < width; l++) {
                    int k = r * width + l;
                    row[l] = (float) (weights[k] - accumulated[k] / step);
                    max = Math.max(max, Math.abs(row[l]));
                }
                if (max >= PRUNE_BELOW) {
                    keptKeys[size] = keys[r];
                    System.arraycopy(row, 0, kept, size * width, width);
                    size++;
                }
            }
            return Weights.of(width, keptKeys, kept, size);
        }
    }
}
