package io.newsflow.extraction.entities.neural;

import io.newsflow.extraction.entities.tagger.Labels;

/**
 * A trained {@link BiLstmNetwork}'s forward pass for tagging: float weights laid out input-major, one array per
 * input, so that every inner loop adds one input times that input's weight array to a vector of outputs at the same
 * index (no reduction chain and no offset between the two arrays, either of which keeps the JIT from SIMD); the
 * training pass keeps doubles and the row-major layout its gradient check reads.
 */
final class Inference {

    private static final int LABELS = Labels.COUNT;

    private final int wordDim;
    private final int filters;
    private final int hidden;
    private final int gates;
    /** {@code [place in the window][letter][filter]}: the convolution of the letter's embedding at that place. */
    private final float[][][] letterFilters;
    private final float[] convolutionBias;
    /** Per direction {@code [input][gate row]}, {@code [state][gate row]} and the gate biases. */
    private final float[][][] inputWeights = new float[2][][];
    private final float[][][] stateWeights = new float[2][][];
    private final float[][] gateBias = new float[2][];
    /** {@code [forward state, backward state][label]}. */
    private final float[][] output;
    private final float[] outputBias;

    private final BiLstmNetwork network;

    Inference(BiLstmNetwork network) {
        this.network = network;
        double[] w = network.w;
        wordDim = network.wordDim;
        int charDim = network.charDim;
        filters = network.filters;
        hidden = network.hidden;
        gates = 4 * hidden;
        int inputDim = network.inputDim;
        // A letter's contribution to the filters depends only on the letter and its place in the window: kept per
        // (place, letter), a window costs three additions of the filters' vector.
        int window = BiLstmNetwork.WIDTH * charDim;
        letterFilters = new float[BiLstmNetwork.WIDTH][network.alphabet][filters];
        for (int k = 0; k < BiLstmNetwork.WIDTH; k++) {
            for (int c = 0; c < network.alphabet; c++) {
                for (int f = 0; f < filters; f++) {
                    double z = 0;
                    for (int e = 0; e < charDim; e++) {
                        z += w[network.convolution + f * window + k * charDim + e]
                                * w[network.charEmbedding + c * charDim + e];
                    }
                    letterFilters[k][c][f] = (float) z;
                }
            }
        }
        convolutionBias = new float[filters];
        for (int f = 0; f < filters; f++) {
            convolutionBias[f] = (float) w[network.convolutionBias + f];
        }
        int row = network.lstmRow;
        for (int d = 0; d < 2; d++) {
            inputWeights[d] = new float[inputDim][gates];
            stateWeights[d] = new float[hidden][gates];
            gateBias[d] = new float[gates];
            for (int r = 0; r < gates; r++) {
                int at = network.lstm[d] + r * row;
                for (int i = 0; i < inputDim; i++) {
                    inputWeights[d][i][r] = (float) w[at + i];
                }
                for (int j = 0; j < hidden; j++) {
                    stateWeights[d][j][r] = (float) w[at + inputDim + j];
                }
                gateBias[d][r] = (float) w[at + row - 1];
            }
        }
        output = new float[2 * hidden][LABELS];
        outputBias = new float[LABELS];
        for (int l = 0; l < LABELS; l++) {
            int at = network.output + l * (2 * hidden + 1);
            for (int j = 0; j < 2 * hidden; j++) {
                output[j][l] = (float) w[at + j];
            }
            outputBias[l] = (float) w[at + 2 * hidden];
        }
    }

    BiLstmNetwork network() {
        return network;
    }

    /** Natural log of the label probabilities per token, {@code [token][label]}, as {@link BiLstmNetwork#probabilities}. */
    double[][] logProbabilities(BiLstmNetwork.Token[] sentence) {
        float[][][] projected = new float[sentence.length][][];
        for (int t = 0; t < sentence.length; t++) {
            projected[t] = project(sentence[t]);
        }
        return logProbabilities(projected);
    }

    /** Floats in one {@link #project projection}: each direction's gates. */
    int projectionFloats() {
        return 2 * gates;
    }

    /**
     * What a token contributes to the gates of each direction before the recurrence, {@code [direction][gate]}:
     * it depends on the word alone, so a tagger may keep it per word.
     */
    float[][] project(BiLstmNetwork.Token token) {
        float[] pre = new float[filters];
        float[] characters = new float[filters];
        characters(token.chars(), pre, characters);
        float[][] projected = new float[2][];
        for (int d = 0; d < 2; d++) {
            float[] z = gateBias[d].clone();
            float[][] weights = inputWeights[d];
            float[] vector = token.vector();
            if (vector != null) {
                for (int i = 0; i < wordDim; i++) {
                    axpy(vector[i], weights[i], z);
                }
                axpy(1, weights[wordDim], z);
            }
            for (int f = 0; f < filters; f++) {
                axpy(characters[f], weights[wordDim + 1 + f], z);
            }
            projected[d] = z;
        }
        return projected;
    }

    /** Log label probabilities per token from the tokens' {@link #project projections}, which it does not modify. */
    double[][] logProbabilities(float[][][] projections) {
        int n = projections.length;
        float[][][] states = new float[2][n][];
        float[] z = new float[gates];
        for (int d = 0; d < 2; d++) {
            float[] state = new float[hidden];
            float[] cell = new float[hidden];
            for (int s = 0; s < n; s++) {
                int t = d == 0 ? s : n - 1 - s;
                System.arraycopy(projections[t][d], 0, z, 0, gates);
                for (int j = 0; j < hidden; j++) {
                    axpy(state[j], stateWeights[d][j], z);
                }
                activate(z);
                float[] next = new float[hidden];
                for (int j = 0; j < hidden; j++) {
                    cell[j] = z[hidden + j] * cell[j] + z[j] * z[3 * hidden + j];
                }
                for (int j = 0; j < hidden; j++) {
                    next[j] = z[2 * hidden + j] * tanh(cell[j]);
                }
                state = next;
                states[d][t] = next;
            }
        }
        double[][] logProbability = new double[n][LABELS];
        float[] logits = new float[LABELS];
        for (int t = 0; t < n; t++) {
            System.arraycopy(outputBias, 0, logits, 0, LABELS);
            for (int d = 0; d < 2; d++) {
                float[] state = states[d][t];
                for (int j = 0; j < hidden; j++) {
                    axpy(state[j], output[d * hidden + j], logits);
                }
            }
            float max = Float.NEGATIVE_INFINITY;
            for (float v : logits) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int l = 0; l < LABELS; l++) {
                sum += Math.exp(logits[l] - max);
            }
            double normalizer = max + Math.log(sum);
            for (int l = 0; l < LABELS; l++) {
                logProbability[t][l] = logits[l] - normalizer;
            }
        }
        return logProbability;
    }

    private void characters(int[] chars, float[] pre, float[] pooled) {
        int[] seq = BiLstmNetwork.padded(chars);
        java.util.Arrays.fill(pooled, Float.NEGATIVE_INFINITY);
        for (int p = 0; p + BiLstmNetwork.WIDTH <= seq.length; p++) {
            System.arraycopy(convolutionBias, 0, pre, 0, filters);
            for (int k = 0; k < BiLstmNetwork.WIDTH; k++) {
                add(letterFilters[k][seq[p + k]], pre);
            }
            for (int f = 0; f < filters; f++) {
                pooled[f] = Math.max(pooled[f], pre[f]);
            }
        }
        for (int f = 0; f < filters; f++) {
            pooled[f] = tanh(pooled[f]);
        }
    }

    private static void add(float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += x[i];
        }
    }

    private static void axpy(float a, float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /**
     * The gates from their inputs, in place: the input, forget and output gates through the logistic function, the
     * candidate through tanh. Each loop runs over one gate block with no call or branch, so the JIT vectorizes it.
     */
    private void activate(float[] z) {
        for (int r = 0; r < 3 * hidden; r++) {
            z[r] = 0.5f + 0.5f * tanh(0.5f * z[r]);
        }
        for (int r = 3 * hidden; r < gates; r++) {
            z[r] = tanh(z[r]);
        }
    }

    /*
     * tanh as an odd rational function of degree 7 over 8, fitted by least squares on [0, 9] (weighted
     * Sanathanan-Koerner iterations) and exact there to 1e-6, with the input clamped to [-9, 9], where tanh is 1 to
     * within 1e-7: unlike Math.tanh or a table, it is only multiplications, one division and clamps, which vectorize.
     */
    private static final float P0 = 0.9999986133f;
    private static final float P1 = 0.1283842351f;
    private static final float P2 = 0.002859410137f;
    private static final float P3 = 1.048368812e-05f;
    private static final float Q1 = 0.4617127508f;
    private static final float Q2 = 0.02343526307f;
    private static final float Q3 = 0.0002259865477f;
    private static final float Q4 = 2.166216045e-07f;

    static float tanh(float z) {
        float x = Math.max(-9f, Math.min(9f, z));
        float t = x * x;
        return x * (P0 + t * (P1 + t * (P2 + t * P3))) / (1 + t * (Q1 + t * (Q2 + t * (Q3 + t * Q4))));
    }
}
