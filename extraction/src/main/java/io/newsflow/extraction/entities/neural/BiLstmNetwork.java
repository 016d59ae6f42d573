package io.newsflow.extraction.entities.neural;

import io.newsflow.extraction.entities.tagger.Labels;
import java.util.Arrays;
import java.util.Random;

/**
 * A small BiLSTM token classifier (Lample et al. 2016 without the CRF layer): each token enters as its fixed word
 * vector, a flag saying whether it has one, and a character CNN with max-pooling over the word's letters (Ma and
 * Hovy 2016); a forward and a backward LSTM read the sentence, and a linear layer over both states gives a softmax
 * over the BIO labels. The parameters are one flat array, so the gradient can be checked numerically and the
 * optimizer stays a loop over that array; forward and backward passes are written out by hand over a per-pass copy
 * of the LSTM weights laid out for the JIT ({@link Layout}).
 */
public final class BiLstmNetwork {

    /** A token as the network sees it: its word vector (null when the word has none) and its letters. */
    public record Token(float[] vector, int[] chars) {
    }

    /** Character index of a letter the alphabet does not know; {@link #BOUNDARY} pads words at both ends. */
    public static final int UNKNOWN_CHAR = 0;
    public static final int BOUNDARY = 1;
    static final int WIDTH = 3;
    static final int MAX_CHARS = 24;
    private static final int GATES = 4;
    private static final int LABELS = Labels.COUNT;

    final int wordDim;
    final int alphabet;
    final int charDim;
    final int filters;
    final int hidden;
    final int inputDim;
    final double[] w;

    final int charEmbedding;
    final int convolution;
    final int convolutionBias;
    final int[] lstm = new int[2];
    final int lstmRow;
    final int output;

    public BiLstmNetwork(int wordDim, int alphabet, int charDim, int filters, int hidden, long seed) {
        this.wordDim = wordDim;
        this.alphabet = alphabet;
        this.charDim = charDim;
        this.filters = filters;
        this.hidden = hidden;
        this.inputDim = wordDim + 1 + filters;
        int at = 0;
        charEmbedding = at;
        at += alphabet * charDim;
        convolution = at;
        at += filters * WIDTH * charDim;
        convolutionBias = at;
        at += filters;
        lstmRow = inputDim + hidden + 1;
        for (int d = 0; d < 2; d++) {
            lstm[d] = at;
            at += GATES * hidden * lstmRow;
        }
        output = at;
        at += LABELS * (2 * hidden + 1);
        w = new double[at];
        Random random = new Random(seed);
        fill(random, charEmbedding, alphabet * charDim, 0.5);
        fill(random, convolution, filters * WIDTH * charDim, 1 / Math.sqrt(WIDTH * charDim));
        for (int d = 0; d < 2; d++) {
            for (int r = 0; r < GATES * hidden; r++) {
                fill(random, lstm[d] + r * lstmRow, lstmRow - 1, 1 / Math.sqrt(lstmRow - 1));
                // a forget gate open at the start lets gradients through long sentences (Jozefowicz et al. 2015)
                w[lstm[d] + r * lstmRow + lstmRow - 1] = r / hidden == 1 ? 1 : 0;
            }
        }
        for (int l = 0; l < LABELS; l++) {
            fill(random, output + l * (2 * hidden + 1), 2 * hidden, 1 / Math.sqrt(2 * hidden));
        }
    }

    private void fill(Random random, int from, int count, double scale) {
        for (int i = from; i < from + count; i++) {
            w[i] = (2 * random.nextDouble() - 1) * scale;
        }
    }

    public int parameterCount() {
        return w.length;
    }

    /** The activations of one sentence, kept for the backward pass. */
    final class Pass {
        final int n;
        final Token[] tokens;
        final double[][] x;
        final double[][] charState;
        final int[][] pooledAt;
        final double[][][] gates = new double[2][][];
        final double[][][] cell = new double[2][][];
        final double[][][] state = new double[2][][];
        final double[][] probability;
        final Layout layout = new Layout();

        Pass(Token[] tokens) {
            this.n = tokens.length;
            this.tokens = tokens;
            x = new double[n][inputDim];
            charState = new double[n][filters];
            pooledAt = new int[n][filters];
            for (int d = 0; d < 2; d++) {
                gates[d] = new double[n][GATES * hidden];
                cell[d] = new double[n][hidden];
                state[d] = new double[n][hidden];
            }
            probability = new double[n][LABELS];
        }
    }

    /**
     * The LSTM weights of one pass copied out of {@link #w} into one array per input and one per gate row, so that
     * every inner loop of the recurrence and its gradient adds a multiple of one array to another at the same index,
     * which the JIT turns into SIMD (see {@link Inference}); the sums run in the same order as over the flat array.
     */
    final class Layout {
        /** Per direction {@code [input][gate row]}, {@code [state][gate row]}, the biases, and {@code [gate row][input]}. */
        final double[][][] byInput = new double[2][inputDim][GATES * hidden];
        final double[][][] byState = new double[2][hidden][GATES * hidden];
        final double[][] bias = new double[2][GATES * hidden];
        final double[][][] inputsOfRow = new double[2][GATES * hidden][inputDim];
        final double[][][] statesOfRow = new double[2][GATES * hidden][hidden];

        Layout() {
            for (int d = 0; d < 2; d++) {
                for (int r = 0; r < GATES * hidden; r++) {
                    int row = lstm[d] + r * lstmRow;
                    System.arraycopy(w, row, inputsOfRow[d][r], 0, inputDim);
                    System.arraycopy(w, row + inputDim, statesOfRow[d][r], 0, hidden);
                    for (int i = 0; i < inputDim; i++) {
                        byInput[d][i][r] = w[row + i];
                    }
                    for (int j = 0; j < hidden; j++) {
                        byState[d][j][r] = w[row + inputDim + j];
                    }
                    bias[d][r] = w[row + lstmRow - 1];
                }
            }
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** Label probabilities per token, {@code [token][label]}, by the training pass (see {@link Inference}). */
    public double[][] probabilities(Token[] sentence) {
        return forward(sentence, null).probability;
    }

    Pass forward(Token[] sentence, double[][] dropoutMask) {
        Pass pass = new Pass(sentence);
        for (int t = 0; t < pass.n; t++) {
            input(pass, t);
            if (dropoutMask != null) {
                for (int i = 0; i < inputDim; i++) {
                    pass.x[t][i] *= dropoutMask[t][i];
                }
            }
        }
        for (int d = 0; d < 2; d++) {
            recur(pass, d);
        }
        for (int t = 0; t < pass.n; t++) {
            double[] p = pass.probability[t];
            double max = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < LABELS; l++) {
                int row = output + l * (2 * hidden + 1);
                double z = w[row + 2 * hidden];
                for (int d = 0; d < 2; d++) {
                    double[] h = pass.state[d][t];
                    int base = row + d * hidden;
                    for (int j = 0; j < hidden; j++) {
                        z += w[base + j] * h[j];
                    }
                }
                p[l] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int l = 0; l < LABELS; l++) {
                p[l] = Math.exp(p[l] - max);
                sum += p[l];
            }
            for (int l = 0; l < LABELS; l++) {
                p[l] /= sum;
            }
        }
        return pass;
    }

    static int[] padded(int[] chars) {
        int m = Math.min(chars.length, MAX_CHARS);
        int[] seq = new int[Math.max(m, 1) + 2];
        Arrays.fill(seq, BOUNDARY);
        System.arraycopy(chars, 0, seq, 1, m);
        return seq;
    }

    private void input(Pass pass, int t) {
        Token token = pass.tokens[t];
        double[] x = pass.x[t];
        if (token.vector() != null) {
            for (int i = 0; i < wordDim; i++) {
                x[i] = token.vector()[i];
            }
            x[wordDim] = 1;
        }
        int[] seq = padded(token.chars());
        int positions = seq.length - WIDTH + 1;
        int window = WIDTH * charDim;
        for (int f = 0; f < filters; f++) {
            int filter = convolution + f * window;
            double best = Double.NEGATIVE_INFINITY;
            int bestAt = 0;
            for (int p = 0; p < positions; p++) {
                double z = w[convolutionBias + f];
                for (int k = 0; k < WIDTH; k++) {
                    int embedding = charEmbedding + seq[p + k] * charDim;
                    int weights = filter + k * charDim;
                    for (int e = 0; e < charDim; e++) {
                        z += w[weights + e] * w[embedding + e];
                    }
                }
                if (z > best) {
                    best = z;
                    bestAt = p;
                }
            }
            pass.pooledAt[t][f] = bestAt;
            pass.charState[t][f] = Math.tanh(best);
            x[wordDim + 1 + f] = pass.charState[t][f];
        }
    }

    /** Runs direction {@code d} (0 left to right, 1 right to left) over the sentence. */
    private void recur(Pass pass, int d) {
        double[] previousState = new double[hidden];
        double[] previousCell = new double[hidden];
        double[][] byInput = pass.layout.byInput[d];
        double[][] byState = pass.layout.byState[d];
        for (int s = 0; s < pass.n; s++) {
            int t = d == 0 ? s : pass.n - 1 - s;
            double[] x = pass.x[t];
            double[] g = pass.gates[d][t];
            System.arraycopy(pass.layout.bias[d], 0, g, 0, GATES * hidden);
            for (int i = 0; i < inputDim; i++) {
                axpy(x[i], byInput[i], g);
            }
            for (int j = 0; j < hidden; j++) {
                axpy(previousState[j], byState[j], g);
            }
            for (int r = 0; r < GATES * hidden; r++) {
                g[r] = r / hidden == 3 ? Math.tanh(g[r]) : sigmoid(g[r]);
            }
            double[] c = pass.cell[d][t];
            double[] h = pass.state[d][t];
            for (int j = 0; j < hidden; j++) {
                c[j] = g[hidden + j] * previousCell[j] + g[j] * g[3 * hidden + j];
                h[j] = g[2 * hidden + j] * Math.tanh(c[j]);
            }
            previousState = h;
            previousCell = c;
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Adds the gradient of the sentence's cross-entropy (summed over tokens) to {@code gradient} and returns the
     * loss. {@code dropoutMask} (null for none) scales each token's inputs, as in training.
     */
    double lossAndGradient(Token[] sentence, int[] gold, double[][] dropoutMask, double[] gradient) {
        Pass pass = forward(sentence, dropoutMask);
        int n = pass.n;
        double loss = 0;
        double[][][] stateGradient = new double[2][n][hidden];
        for (int t = 0; t < n; t++) {
            double[] p = pass.probability[t];
            loss -= Math.log(Math.max(p[gold[t]], 1e-300));
            for (int l = 0; l < LABELS; l++) {
                double dz = p[l] - (l == gold[t] ? 1 : 0);
                int row = output + l * (2 * hidden + 1);
                gradient[row + 2 * hidden] += dz;
                for (int d = 0; d < 2; d++) {
                    double[] h = pass.state[d][t];
                    int at = row + d * hidden;
                    for (int j = 0; j < hidden; j++) {
                        gradient[at + j] += dz * h[j];
                        stateGradient[d][t][j] += dz * w[at + j];
                    }
                }
            }
        }
        double[][] inputGradient = new double[n][inputDim];
        for (int d = 0; d < 2; d++) {
            backRecur(pass, d, stateGradient[d], inputGradient, gradient);
        }
        for (int t = 0; t < n; t++) {
            if (dropoutMask != null) {
                for (int i = 0; i < inputDim; i++) {
                    inputGradient[t][i] *= dropoutMask[t][i];
                }
            }
            backCharacters(pass, t, inputGradient[t], gradient);
        }
        return loss;
    }

    private void backRecur(Pass pass, int d, double[][] stateGradient, double[][] inputGradient,
                           double[] gradient) {
        double[][] inputsOfRow = pass.layout.inputsOfRow[d];
        double[][] statesOfRow = pass.layout.statesOfRow[d];
        double[][] byInputGradient = new double[inputDim][GATES * hidden];
        double[][] byStateGradient = new double[hidden][GATES * hidden];
        double[] biasGradient = new double[GATES * hidden];
        double[] nextState = new double[hidden];
        double[] nextCell = new double[hidden];
        double[] dz = new double[GATES * hidden];
        double[] zeros = new double[hidden];
        for (int s = pass.n - 1; s >= 0; s--) {
            int t = d == 0 ? s : pass.n - 1 - s;
            int before = d == 0 ? t - 1 : t + 1;
            double[] previousState = s == 0 ? zeros : pass.state[d][before];
            double[] previousCell = s == 0 ? zeros : pass.cell[d][before];
            double[] g = pass.gates[d][t];
            double[] c = pass.cell[d][t];
            double[] cellGradient = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double dh = stateGradient[t][j] + nextState[j];
                double tc = Math.tanh(c[j]);
                double in = g[j];
                double forget = g[hidden + j];
                double out = g[2 * hidden + j];
                double candidate = g[3 * hidden + j];
                double dc = dh * out * (1 - tc * tc) + nextCell[j];
                dz[j] = dc * candidate * in * (1 - in);
                dz[hidden + j] = dc * previousCell[j] * forget * (1 - forget);
                dz[2 * hidden + j] = dh * tc * out * (1 - out);
                dz[3 * hidden + j] = dc * in * (1 - candidate * candidate);
                cellGradient[j] = dc * forget;
            }
            double[] x = pass.x[t];
            for (int i = 0; i < inputDim; i++) {
                axpy(x[i], dz, byInputGradient[i]);
            }
            for (int j = 0; j < hidden; j++) {
                axpy(previousState[j], dz, byStateGradient[j]);
            }
            double[] dx = inputGradient[t];
            double[] dPrevious = new double[hidden];
            for (int r = 0; r < GATES * hidden; r++) {
                double z = dz[r];
                if (z == 0) {
                    continue;
                }
                biasGradient[r] += z;
                axpy(z, inputsOfRow[r], dx);
                axpy(z, statesOfRow[r], dPrevious);
            }
            nextState = dPrevious;
            nextCell = cellGradient;
        }
        for (int r = 0; r < GATES * hidden; r++) {
            int row = lstm[d] + r * lstmRow;
            for (int i = 0; i < inputDim; i++) {
                gradient[row + i] += byInputGradient[i][r];
            }
            for (int j = 0; j < hidden; j++) {
                gradient[row + inputDim + j] += byStateGradient[j][r];
            }
            gradient[row + lstmRow - 1] += biasGradient[r];
        }
    }

    private void backCharacters(Pass pass, int t, double[] dx, double[] gradient) {
        int[] seq = padded(pass.tokens[t].chars());
        int window = WIDTH * charDim;
        for (int f = 0; f < filters; f++) {
            double state = pass.charState[t][f];
            double dPre = dx[wordDim + 1 + f] * (1 - state * state);
            if (dPre == 0) {
                continue;
            }
            int p = pass.pooledAt[t][f];
            gradient[convolutionBias + f] += dPre;
            int filter = convolution + f * window;
            for (int k = 0; k < WIDTH; k++) {
                int embedding = charEmbedding + seq[p + k] * charDim;
                int weights = filter + k * charDim;
                for (int e = 0; e < charDim; e++) {
                    gradient[weights + e] += dPre * w[embedding + e];
                    gradient[embedding + e] += dPre * w[weights + e];
                }
            }
        }
    }
}
