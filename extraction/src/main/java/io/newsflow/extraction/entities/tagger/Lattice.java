package io.newsflow.extraction.entities.tagger;

/**
 * First-order Viterbi over BIO labels for one sentence. The caller fills {@link #score}: token {@code i}'s score
 * for {@code label} after {@code previous} (the token's own features plus those that pair the label with the one
 * before), and {@link #decode} returns the best well-formed sequence. Deciding the whole sentence at once is what
 * repairs name boundaries that greedy decoding commits to too early ({@code فايزة أبوالنجا}: the first name only
 * looks like a name once the second is seen). Reused by one thread across sentences.
 */
final class Lattice {

    /** Previous-label slots per token: every label, and {@link Labels#START} before the first token. */
    static final int PREVIOUS = Labels.COUNT + 1;

    private static final boolean[][] ALLOWED = new boolean[PREVIOUS][Labels.COUNT];

    static {
        for (int p = 0; p < PREVIOUS; p++) {
            for (int l = 0; l < Labels.COUNT; l++) {
                ALLOWED[p][l] = Labels.allowed(p, l);
            }
        }
    }

    float[] score = new float[0];
    private double[] best = new double[0];
    private double[] after = new double[0];
    private int[] back = new int[0];

    void ensure(int n) {
        if (back.length < n * Labels.COUNT) {
            int c = Math.max(n, 64);
            score = new float[c * PREVIOUS * Labels.COUNT];
            best = new double[c * Labels.COUNT];
            after = new double[c * Labels.COUNT];
            back = new int[c * Labels.COUNT];
        }
    }

    static int at(int i, int previous) {
        return (i * PREVIOUS + previous) * Labels.COUNT;
    }

    static boolean allowed(int previous, int label) {
        return ALLOWED[previous][label];
    }

    /**
     * Writes the best label sequence of tokens {@code [0, n)} into {@code labels}; when {@code margins} is not
     * null, also each token's margin: how much lower the best sequence that gives the token another label scores.
     */
    void decode(int n, int[] labels, float[] margins) {
        int c = Labels.COUNT;
        for (int l = 0; l < c; l++) {
            best[l] = ALLOWED[Labels.START][l] ? score[at(0, Labels.START) + l] : Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int l = 0; l < c; l++) {
                double top = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < c; p++) {
                    if (ALLOWED[p][l]) {
                        double v = best[(i - 1) * c + p] + score[at(i, p) + l];
                        if (v > top) {
                            top = v;
                            arg = p;
                        }
                    }
                }
                best[i * c + l] = top;
                back[i * c + l] = arg;
            }
        }
        int label = 0;
        for (int l = 1; l < c; l++) {
            if (best[(n - 1) * c + l] > best[(n - 1) * c + label]) {
                label = l;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            labels[i] = label;
            label = back[i * c + label];
        }
        if (margins != null) {
            margins(n, labels, margins);
        }
    }

    /** Max-marginals: the best sequence through each (token, label), from a backward pass. */
    private void margins(int n, int[] labels, float[] margins) {
        int c = Labels.COUNT;
        for (int l = 0; l < c; l++) {
            after[(n - 1) * c + l] = 0;
        }
        for (int i = n - 2; i >= 0; i--) {
            for (int l = 0; l < c; l++) {
                double top = Double.NEGATIVE_INFINITY;
                for (int m = 0; m < c; m++) {
                    if (ALLOWED[l][m]) {
                        top = Math.max(top, score[at(i + 1, l) + m] + after[(i + 1) * c + m]);
                    }
                }
                after[i * c + l] = top;
            }
        }
        for (int i = 0; i < n; i++) {
            double chosen = best[i * c + labels[i]] + after[i * c + labels[i]];
            double other = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < c; l++) {
                if (l != labels[i]) {
                    other = Math.max(other, best[i * c + l] + after[i * c + l]);
                }
            }
            margins[i] = (float) (chosen - other);
        }
    }
}
