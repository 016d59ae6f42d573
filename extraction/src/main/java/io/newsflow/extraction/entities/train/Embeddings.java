package io.newsflow.extraction.entities.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Skip-gram word vectors with negative sampling (Mikolov et al. 2013), single-threaded and deterministic for a
 * seed. Words that occur in the same contexts end up close, which is all the clusters built from them need.
 */
public final class Embeddings {

    private static final int TABLE_SIZE = 1 << 22;
    private static final double SUBSAMPLE = 1e-4;

    private Embeddings() {
    }

    /**
     * @param corpus word ids in text order; -1 marks a sentence boundary
     * @param counts occurrences per word id
     * @return row-major {@code counts.length × dimensions} vectors
     */
    public static float[] train(int[] corpus, int[] counts, int dimensions, int window, int negatives, int epochs,
                         long seed) {
        int vocabulary = counts.length;
        Random random = new Random(seed);
        float[] input = new float[vocabulary * dimensions];
        float[] output = new float[vocabulary * dimensions];
        for (int i = 0; i < input.length; i++) {
            input[i] = (random.nextFloat() - 0.5f) / dimensions;
        }
        int[] table = unigramTable(counts);
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        float[] keep = new float[vocabulary];
        for (int w = 0; w < vocabulary; w++) {
            double f = counts[w] / (double) total;
            keep[w] = (float) Math.min(1, Math.sqrt(SUBSAMPLE / f) + SUBSAMPLE / f);
        }
        float[] gradient = new float[dimensions];
        long steps = (long) epochs * corpus.length;
        long done = 0;
        float startRate = 0.025f;
        int[] sentence = new int[1024];
        for (int epoch = 0; epoch < epochs; epoch++) {
            int position = 0;
            while (position < corpus.length) {
                int length = 0;
                while (position < corpus.length && corpus[position] >= 0) {
                    int w = corpus[position++];
                    if (length < sentence.length && random.nextFloat() < keep[w]) {
                        sentence[length++] = w;
                    }
                    done++;
                }
                position++;
                float rate = Math.max(startRate * 1e-4f, startRate * (1 - done / (float) (steps + 1)));
                for (int i = 0; i < length; i++) {
                    int reduced = window - random.nextInt(window);
                    for (int j = Math.max(0, i - reduced); j <= Math.min(length - 1, i + reduced); j++) {
                        if (j != i) {
                            pair(sentence[i], sentence[j], input, output, table, negatives, dimensions, rate,
                                    gradient, random);
                        }
                    }
                }
            }
        }
        return input;
    }

    private static void pair(int center, int context, float[] input, float[] output, int[] table, int negatives,
                             int d, float rate, float[] gradient, Random random) {
        int in = context * d;
        Arrays.fill(gradient, 0);
        for (int k = 0; k <= negatives; k++) {
            int target;
            float label;
            if (k == 0) {
                target = center;
                label = 1;
            } else {
                target = table[random.nextInt(TABLE_SIZE)];
                if (target == center) {
                    continue;
                }
                label = 0;
            }
            int out = target * d;
            float dot = 0;
            for (int x = 0; x < d; x++) {
                dot += input[in + x] * output[out + x];
            }
            float g = (label - sigmoid(dot)) * rate;
            for (int x = 0; x < d; x++) {
                gradient[x] += g * output[out + x];
                output[out + x] += g * input[in + x];
            }
        }
        for (int x = 0; x < d; x++) {
            input[in + x] += gradient[x];
        }
    }

    private static float sigmoid(float x) {
        if (x > 6) {
            return 1;
        }
        if (x < -6) {
            return 0;
        }
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** Word ids repeated in proportion to count^0.75, for drawing negative samples. */
    private static int[] unigramTable(int[] counts) {
        double total = 0;
        for (int c : counts) {
            total += Math.pow(c, 0.75);
        }
        int[] table = new int[TABLE_SIZE];
        int w = 0;
        double cumulative = Math.pow(counts[0], 0.75) / total;
        for (int i = 0; i < TABLE_SIZE; i++) {
            table[i] = w;
            if (i / (double) TABLE_SIZE > cumulative && w < counts.length - 1) {
                w++;
                cumulative += Math.pow(counts[w], 0.75) / total;
            }
        }
        return table;
    }
}
