package io.newsflow.extraction.entities.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BiLstmNetworkTest {

    private static BiLstmNetwork.Token[] sentence(Random random, int n, int wordDim, int alphabet) {
        BiLstmNetwork.Token[] tokens = new BiLstmNetwork.Token[n];
        for (int t = 0; t < n; t++) {
            float[] vector = null;
            if (t % 3 != 1) {
                vector = new float[wordDim];
                for (int i = 0; i < wordDim; i++) {
                    vector[i] = (float) random.nextGaussian();
                }
            }
            int[] chars = new int[1 + random.nextInt(4)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(alphabet);
            }
            tokens[t] = new BiLstmNetwork.Token(vector, chars);
        }
        return tokens;
    }

    @Test
    void backpropagationMatchesFiniteDifferencesForEveryParameter() {
        Random random = new Random(7);
        BiLstmNetwork network = new BiLstmNetwork(3, 5, 2, 3, 2, 11);
        BiLstmNetwork.Token[] tokens = sentence(random, 5, 3, 5);
        int[] gold = {1, 2, 0, 5, 8};
        double[][] mask = new double[tokens.length][network.inputDim];
        for (double[] row : mask) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble() < 0.3 ? 0 : 1 / 0.7;
            }
        }
        double[] gradient = new double[network.parameterCount()];
        network.lossAndGradient(tokens, gold, mask, gradient);
        double epsilon = 1e-6;
        double worst = 0;
        for (int p = 0; p < network.parameterCount(); p++) {
            double kept = network.w[p];
            network.w[p] = kept + epsilon;
            double up = network.lossAndGradient(tokens, gold, mask, new double[gradient.length]);
            network.w[p] = kept - epsilon;
            double down = network.lossAndGradient(tokens, gold, mask, new double[gradient.length]);
            network.w[p] = kept;
            double numeric = (up - down) / (2 * epsilon);
            double error = Math.abs(numeric - gradient[p]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(gradient[p]));
            worst = Math.max(worst, error);
            assertEquals(numeric, gradient[p], 1e-6 + 1e-4 * Math.abs(numeric), "parameter " + p);
        }
        assertTrue(worst < 1e-4, "worst relative error " + worst);
    }

    @Test
    void theTaggingPassComputesWhatTheTrainingPassDoes() {
        Random random = new Random(13);
        BiLstmNetwork network = new BiLstmNetwork(5, 7, 3, 6, 4, 17);
        Inference inference = new Inference(network);
        for (int s = 0; s < 20; s++) {
            BiLstmNetwork.Token[] tokens = sentence(random, 1 + random.nextInt(9), 5, 7);
            double[][] expected = network.probabilities(tokens);
            double[][] actual = inference.logProbabilities(tokens);
            for (int t = 0; t < tokens.length; t++) {
                for (int l = 0; l < expected[t].length; l++) {
                    assertEquals(expected[t][l], Math.exp(actual[t][l]), 1e-5, "sentence " + s + ", token " + t);
                }
            }
        }
    }

    @Test
    void probabilitiesOfEachTokenSumToOne() {
        Random random = new Random(3);
        BiLstmNetwork network = new BiLstmNetwork(4, 6, 3, 4, 3, 5);
        for (double[] p : network.probabilities(sentence(random, 7, 4, 6))) {
            double sum = 0;
            for (double v : p) {
                assertTrue(v > 0 && v < 1);
                sum += v;
            }
            assertEquals(1, sum, 1e-9);
        }
    }

    @Test
    void learnsALabelThatDependsOnTheNextWordsLetters() {
        // label 1 (B-PER) on a token exactly when the token after it starts with letter 2: only the backward
        // LSTM and the character CNN can tell
        Random random = new Random(5);
        int sentences = 200;
        BiLstmNetwork.Token[][] inputs = new BiLstmNetwork.Token[sentences][];
        int[][] labels = new int[sentences][];
        for (int s = 0; s < sentences; s++) {
            inputs[s] = sentence(random, 6, 2, 6);
            labels[s] = new int[6];
            for (int t = 0; t + 1 < 6; t++) {
                labels[s][t] = inputs[s][t + 1].chars()[0] == 2 ? 1 : 0;
            }
        }
        BiLstmNetwork network = new BiLstmNetwork(2, 6, 4, 8, 8, 1);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        AdamTrainer.train(network, inputs, labels, new AdamTrainer.Settings(15, 0.01, 0, 5, 9), quiet);
        int right = 0;
        int total = 0;
        for (int s = 0; s < 50; s++) {
            BiLstmNetwork.Token[] tokens = sentence(random, 6, 2, 6);
            double[][] p = network.probabilities(tokens);
            for (int t = 0; t + 1 < 6; t++) {
                int expected = tokens[t + 1].chars()[0] == 2 ? 1 : 0;
                int predicted = p[t][1] > p[t][0] ? 1 : 0;
                right += predicted == expected ? 1 : 0;
                total++;
            }
        }
        assertTrue(right > 0.95 * total, right + " of " + total);
    }
}
