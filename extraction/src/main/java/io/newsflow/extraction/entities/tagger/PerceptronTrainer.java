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
 * Trains a {@link SequenceTagger} with the averaged perceptron (Collins 2002), decoding greedily exactly as at
 * tagging time so that the label-history features see the tagger's own mistakes, not gold labels. Averaging the
 * weights over every step is what keeps a perceptron from memorizing the last sentences it saw.
 */
public final class PerceptronTrainer {

    /**
     * Averaged weights smaller than this are dropped: they come from features seen once or twice, change no
     * decision on the dev splits, and would otherwise make up most of the model file.
     */
    private static final float PRUNE_BELOW = 0.02f;

    private final String language;
    private final Lexicon lexicon;
    private final Gazetteer gazetteer;

    private final LongIntMap index = new LongIntMap(1 << 16);
    private long[] keys = new long[1 << 16];
    private float[] weights = new float[(1 << 16) * Labels.COUNT];
    private double[] accumulated = new double[(1 << 16) * Labels.COUNT];
    private int rows;
    private long step = 1;

    private final long[] feats = new long[Features.MAX];
    private final float[] scores = new float[Labels.COUNT];
    private final int[] rowOf = new int[Features.MAX];

    public PerceptronTrainer(String language, Lexicon lexicon, Gazetteer gazetteer) {
        this.language = language;
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

    /** Tags one sentence greedily with the current weights, updating them wherever a label is wrong. */
    private void learn(Features features, Features.Sentence s, int[] labels, History history) {
        int previous = Labels.START;
        int beforePrevious = Labels.START;
        for (int i = 0; i < s.size(); i++) {
            int n = features.extract(s, i, previous, beforePrevious, history, feats);
            Arrays.fill(scores, 0);
            for (int f = 0; f < n; f++) {
                rowOf[f] = index.get(feats[f], -1);
                if (rowOf[f] >= 0) {
                    int base = rowOf[f] * Labels.COUNT;
                    for (int l = 0; l < Labels.COUNT; l++) {
                        scores[l] += weights[base + l];
                    }
                }
            }
            int predicted = argmax(scores, previous);
            if (predicted != labels[i]) {
                for (int f = 0; f < n; f++) {
                    int row = index.get(feats[f], -1);
                    if (row < 0) {
                        row = newRow(feats[f]);
                    }
                    update(row, labels[i], 1);
                    update(row, predicted, -1);
                }
            }
            history.record(Features.memoryKey(s, i), predicted);
            step++;
            beforePrevious = previous;
            previous = predicted;
        }
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

    private static int argmax(float[] scores, int previous) {
        int best = -1;
        for (int l = 0; l < Labels.COUNT; l++) {
            if (Labels.allowed(previous, l) && (best < 0 || scores[l] > scores[best])) {
                best = l;
            }
        }
        return best;
    }

    private void update(int row, int label, float delta) {
        int k = row * Labels.COUNT + label;
        weights[k] += delta;
        accumulated[k] += step * delta;
    }

    private int newRow(long key) {
        if (rows == keys.length) {
            keys = Arrays.copyOf(keys, rows * 2);
            weights = Arrays.copyOf(weights, rows * 2 * Labels.COUNT);
            accumulated = Arrays.copyOf(accumulated, rows * 2 * Labels.COUNT);
        }
        keys[rows] = key;
        index.put(key, rows);
        return rows++;
    }

    private SequenceTagger averaged() {
        long[] keptKeys = new long[rows];
        float[] kept = new float[rows * Labels.COUNT];
        int size = 0;
        float[] row = new float[Labels.COUNT];
        for (int r = 0; r < rows; r++) {
            float max = 0;
            for (int l = 0; l < Labels.COUNT; l++) {
                int k = r * Labels.COUNT + l;
                row[l] = (float) (weights[k] - accumulated[k] / step);
                max = Math.max(max, Math.abs(row[l]));
            }
            if (max >= PRUNE_BELOW) {
                keptKeys[size] = keys[r];
                System.arraycopy(row, 0, kept, size * Labels.COUNT, Labels.COUNT);
                size++;
            }
        }
        return new SequenceTagger(language, lexicon, Weights.of(Labels.COUNT, keptKeys, kept, size), gazetteer);
    }
}
