package io.newsflow.extraction.entities.neural;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a {@link BiLstmNetwork} one sentence at a time with Adam (Kingma and Ba 2015), the sentence gradient
 * clipped to a maximum norm, inputs dropped out at random; the order of sentences and the dropout draw from one
 * seeded generator, so a seed gives the same network.
 */
public final class AdamTrainer {

    /** Settings; {@link #defaults} is what {@code train ner} and the cross-validation option train. */
    public record Settings(int epochs, double rate, double dropout, double clip, long seed) {
        /** English's larger network ({@link NeuralTagger.Shape#defaults}) learns for twice the epochs. */
        public static Settings defaults(String language) {
            return new Settings(language.equals("en") ? 8 : 4, 0.002, 0.3, 5, 20240611L);
        }
    }

    private AdamTrainer() {
    }

    public static void train(BiLstmNetwork network, BiLstmNetwork.Token[][] sentences, int[][] labels,
                             Settings settings, PrintStream log) {
        double beta1 = 0.9;
        double beta2 = 0.999;
        double[] w = network.w;
        double[] gradient = new double[w.length];
        double[] first = new double[w.length];
        double[] second = new double[w.length];
        Random random = new Random(settings.seed());
        int[] order = new int[sentences.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long step = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long started = System.nanoTime();
            shuffle(order, random);
            double loss = 0;
            long tokens = 0;
            for (int s : order) {
                BiLstmNetwork.Token[] sentence = sentences[s];
                if (sentence.length == 0) {
                    continue;
                }
                Arrays.fill(gradient, 0);
                loss += network.lossAndGradient(sentence, labels[s], mask(network, sentence.length,
                        settings.dropout(), random), gradient);
                tokens += sentence.length;
                double norm = 0;
                for (double g : gradient) {
                    norm += g * g;
                }
                norm = Math.sqrt(norm);
                double scale = norm > settings.clip() ? settings.clip() / norm : 1;
                step++;
                double correction1 = 1 - Math.pow(beta1, step);
                double correction2 = 1 - Math.pow(beta2, step);
                for (int i = 0; i < w.length; i++) {
                    double g = gradient[i] * scale;
                    first[i] = beta1 * first[i] + (1 - beta1) * g;
                    second[i] = beta2 * second[i] + (1 - beta2) * g * g;
                    w[i] -= settings.rate() * (first[i] / correction1) / (Math.sqrt(second[i] / correction2) + 1e-8);
                }
            }
            log.printf(Locale.ROOT, "neural tagger: epoch %d, loss per token %.4f (%.0f s)%n", epoch,
                    loss / Math.max(1, tokens), (System.nanoTime() - started) / 1e9);
        }
    }

    private static double[][] mask(BiLstmNetwork network, int n, double rate, Random random) {
        if (rate <= 0) {
            return null;
        }
        double[][] mask = new double[n][network.inputDim];
        double keep = 1 / (1 - rate);
        for (double[] row : mask) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble() < rate ? 0 : keep;
            }
        }
        return mask;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
