package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the story pass of a {@link SequenceTagger}: weights for the {@link StoryFeatures}, added to the first
 * pass's scores, learned by the averaged perceptron while the first pass's scores stay as they are.
 *
 * <p>The first pass the story pass learns from must err as it will on new stories. A tagger's labels on its own
 * training text are nearly all right, and a story pass trained on them would learn to repeat them. So the
 * training documents are cut into {@link #PARTS} blocks, and each block is tagged by a first-pass tagger trained on
 * the other blocks (jackknifing, as Krishnan and Manning 2006 train their second CRF). Each of those is one
 * perceptron, not the mean of several the model's first pass is: a slightly weaker first pass to learn from errs
 * on the side of trusting it less, at a fifth of the training cost.
 */
public final class StoryPassTrainer {

    /** Blocks of the training documents, each tagged by a first pass trained on the others. */
    public static final int PARTS = 5;

    private StoryPassTrainer() {
    }

    /** One training document as the story pass sees it: the first pass's scores and the story features. */
    private record Document(int[] sentenceStarts, float[] scores, long[] features, int[] counts, int[] gold) {
    }

    /**
     * The story pass's weights for {@code data} (sentences; documents of
     * {@link PerceptronTrainer#DOCUMENT_SENTENCES} as the first pass is trained on), {@code epochs} passes in an
     * order fixed by {@code seed}.
     */
    public static Weights train(String language, Lexicon lexicon, Gazetteer gazetteer,
                                List<ConllCorpus.Sentence> data, int epochs, long seed, PrintStream log) {
        long started = System.nanoTime();
        int documents = (data.size() + PerceptronTrainer.DOCUMENT_SENTENCES - 1) / PerceptronTrainer.DOCUMENT_SENTENCES;
        int parts = Math.min(PARTS, documents);
        List<Document> prepared = new ArrayList<>(documents);
        for (int p = 0; p < parts; p++) {
            int from = documents * p / parts * PerceptronTrainer.DOCUMENT_SENTENCES;
            int to = Math.min(data.size(), documents * (p + 1) / parts * PerceptronTrainer.DOCUMENT_SENTENCES);
            List<ConllCorpus.Sentence> others = new ArrayList<>(data.subList(0, from));
            others.addAll(data.subList(to, data.size()));
            SequenceTagger first = new PerceptronTrainer(language, lexicon, gazetteer).train(others, epochs,
                    seed + p, t -> { });
            for (int d = from; d < to; d += PerceptronTrainer.DOCUMENT_SENTENCES) {
                prepared.add(prepare(first, data.subList(d, Math.min(to, d + PerceptronTrainer.DOCUMENT_SENTENCES))));
            }
        }
        Weights weights = learn(prepared, epochs, seed, log);
        log.printf(Locale.ROOT, "story pass: %d first passes, %d features (%.0f s)%n", parts, weights.size(),
                (System.nanoTime() - started) / 1e9);
        return weights;
    }

    private static Document prepare(SequenceTagger first, List<ConllCorpus.Sentence> sentences) {
        Tokens tokens = Tokens.ofSentences(sentences.stream().map(ConllCorpus.Sentence::words).toList());
        SequenceTagger.Scratch scratch = new SequenceTagger.Scratch();
        first.firstPass(tokens, scratch, () -> { });
        StoryFeatures.Buffers buffers = new StoryFeatures.Buffers();
        StoryFeatures.compute(tokens, scratch.keys, scratch.first, buffers);
        int n = tokens.size();
        int[] starts = new int[sentences.size() + 1];
        int[] gold = new int[n];
        for (int s = 0; s < sentences.size(); s++) {
            int[] labels = PerceptronTrainer.wellFormed(sentences.get(s).labels());
            System.arraycopy(labels, 0, gold, starts[s], labels.length);
            starts[s + 1] = starts[s] + labels.length;
        }
        return new Document(starts, Arrays.copyOf(scratch.scores, n * SequenceTagger.TOKEN_SCORES),
                Arrays.copyOf(buffers.features, n * StoryFeatures.MAX), Arrays.copyOf(buffers.counts, n), gold);
    }

    /**
     * The story weights that maximize the conditional likelihood of the gold labels (a linear-chain CRF, with a
     * Gaussian prior) under scores {@code a · first + w · story}, the first pass's scores kept and weighed by one
     * learned factor {@code a}, by AdaGrad over the documents. A perceptron here, its few story features firing on
     * every token against first-pass scores of tens to hundreds, oscillates and ends worse than the first pass.
     * The weights are returned in the first pass's units ({@code w / a}): only their ratio to the first pass's
     * scores matters to decoding, and confidences keep the first pass's scale.
     */
    private static Weights learn(List<Document> documents, int epochs, long seed, PrintStream log) {
        LongIntMap index = new LongIntMap(1024);
        List<Long> keys = new ArrayList<>();
        double squares = 0;
        long values = 0;
        for (Document d : documents) {
            for (int t = 0; t < d.counts().length; t++) {
                for (int f = 0; f < d.counts()[t]; f++) {
                    long key = d.features()[t * StoryFeatures.MAX + f];
                    if (index.get(key, -1) < 0) {
                        index.put(key, keys.size());
                        keys.add(key);
                    }
                }
            }
            // the spread of the first pass's scores across labels sets the scale the story weights start at
            for (int s = 0; s + 1 < d.sentenceStarts().length; s++) {
                for (int t = d.sentenceStarts()[s]; t < d.sentenceStarts()[s + 1]; t++) {
                    int at = t * SequenceTagger.TOKEN_SCORES
                            + Lattice.at(0, t == d.sentenceStarts()[s] ? Labels.START : Labels.O);
                    double mean = 0;
                    for (int l = 0; l < Labels.COUNT; l++) {
                        mean += d.scores()[at + l];
                    }
                    mean /= Labels.COUNT;
                    for (int l = 0; l < Labels.COUNT; l++) {
                        double v = d.scores()[at + l] - mean;
                        squares += v * v;
                    }
                    values += Labels.COUNT;
                }
            }
        }
        double spread = Math.sqrt(squares / Math.max(1, values));
        double unit = spread == 0 ? 1 : 1 / spread;
        int width = Labels.COUNT;
        double[] w = new double[keys.size() * width];
        double[] gradient = new double[w.length];
        double[] history = new double[w.length];
        double[] a = {1};
        double[] aGradient = {0};
        double[] aHistory = {0};
        int sentences = documents.stream().mapToInt(d -> d.sentenceStarts().length - 1).sum();
        Crf crf = new Crf();
        List<Document> order = new ArrayList<>(documents);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (Document d : order) {
                Arrays.fill(gradient, 0);
                aGradient[0] = 0;
                int count = d.sentenceStarts().length - 1;
                for (int s = 0; s < count; s++) {
                    int from = d.sentenceStarts()[s];
                    int n = d.sentenceStarts()[s + 1] - from;
                    if (n > 0) {
                        crf.accumulate(d, from, n, index, w, a[0] * unit, unit, gradient, aGradient);
                    }
                }
                double prior = (double) count / sentences / VARIANCE;
                for (int k = 0; k < w.length; k++) {
                    gradient[k] -= prior * w[k];
                }
                adagrad(w, gradient, history);
                adagrad(a, aGradient, aHistory);
            }
        }
        log.printf(Locale.ROOT, "story pass: the first pass weighed %.4f, %d story features%n", a[0] * unit,
                keys.size());
        long[] kept = new long[keys.size()];
        float[] rows = new float[keys.size() * width];
        for (int k = 0; k < keys.size(); k++) {
            kept[k] = keys.get(k);
            for (int l = 0; l < width; l++) {
                rows[k * width + l] = (float) (w[k * width + l] / (a[0] * unit));
            }
        }
        return Weights.of(width, kept, rows, keys.size());
    }

    /** The Gaussian prior's variance on each story weight, in units of the first pass's scaled scores. */
    private static final double VARIANCE = 10;
    private static final double RATE = 0.1;

    private static void adagrad(double[] parameters, double[] gradient, double[] history) {
        for (int k = 0; k < parameters.length; k++) {
            double g = gradient[k];
            if (g != 0) {
                history[k] += g * g;
                parameters[k] += RATE * g / Math.sqrt(history[k]);
            }
        }
    }

    /** Forward-backward over one sentence's lattice; reused. */
    private static final class Crf {
        private double[] phi = new double[0];
        private double[] forward = new double[0];
        private double[] backward = new double[0];
        private double[] emission = new double[0];
        private final double[] terms = new double[Lattice.PREVIOUS];
        private final double[] marginal = new double[Labels.COUNT];

        /**
         * Adds the gradient of the sentence's log-likelihood to {@code gradient} (story weights) and
         * {@code aGradient} (the first pass's factor), with the first pass weighed {@code scale} and its scores
         * measured in {@code unit}s.
         */
        void accumulate(Document d, int from, int n, LongIntMap index, double[] w, double scale, double unit,
                        double[] gradient, double[] aGradient) {
            int c = Labels.COUNT;
            int stride = SequenceTagger.TOKEN_SCORES;
            if (emission.length < n * c) {
                phi = new double[n * stride];
                forward = new double[n * c];
                backward = new double[n * c];
                emission = new double[n * c];
            }
            for (int i = 0; i < n; i++) {
                int t = from + i;
                for (int l = 0; l < c; l++) {
                    emission[i * c + l] = 0;
                }
                for (int f = 0; f < d.counts()[t]; f++) {
                    int row = index.get(d.features()[t * StoryFeatures.MAX + f], -1) * c;
                    for (int l = 0; l < c; l++) {
                        emission[i * c + l] += w[row + l];
                    }
                }
                for (int p = i == 0 ? Labels.START : 0; p < (i == 0 ? Labels.START + 1 : c); p++) {
                    for (int l = 0; l < c; l++) {
                        phi[Lattice.at(i, p) + l] = scale * d.scores()[t * stride + Lattice.at(0, p) + l]
                                + emission[i * c + l];
                    }
                }
            }
            for (int l = 0; l < c; l++) {
                forward[l] = Lattice.allowed(Labels.START, l) ? phi[Lattice.at(0, Labels.START) + l]
                        : Double.NEGATIVE_INFINITY;
            }
            for (int i = 1; i < n; i++) {
                for (int l = 0; l < c; l++) {
                    int m = 0;
                    for (int p = 0; p < c; p++) {
                        if (Lattice.allowed(p, l)) {
                            terms[m++] = forward[(i - 1) * c + p] + phi[Lattice.at(i, p) + l];
                        }
                    }
                    forward[i * c + l] = logSum(terms, m);
                }
            }
            for (int l = 0; l < c; l++) {
                backward[(n - 1) * c + l] = 0;
            }
            for (int i = n - 2; i >= 0; i--) {
                for (int p = 0; p < c; p++) {
                    int m = 0;
                    for (int l = 0; l < c; l++) {
                        if (Lattice.allowed(p, l)) {
                            terms[m++] = phi[Lattice.at(i + 1, p) + l] + backward[(i + 1) * c + l];
                        }
                    }
                    backward[i * c + p] = logSum(terms, m);
                }
            }
            for (int l = 0; l < c; l++) {
                terms[l] = forward[(n - 1) * c + l];
            }
            double z = logSum(terms, c);
            int previousGold = Labels.START;
            for (int i = 0; i < n; i++) {
                int t = from + i;
                int gold = d.gold()[t];
                double observed = d.scores()[t * stride + Lattice.at(0, previousGold) + gold] * unit;
                double expected = 0;
                Arrays.fill(marginal, 0);
                for (int p = i == 0 ? Labels.START : 0; p < (i == 0 ? Labels.START + 1 : c); p++) {
                    double before = i == 0 ? 0 : forward[(i - 1) * c + p];
                    for (int l = 0; l < c; l++) {
                        if (!Lattice.allowed(p, l) || before == Double.NEGATIVE_INFINITY) {
                            continue;
                        }
                        double probability = Math.exp(before + phi[Lattice.at(i, p) + l] + backward[i * c + l] - z);
                        expected += probability * d.scores()[t * stride + Lattice.at(0, p) + l] * unit;
                        marginal[l] += probability;
                    }
                }
                for (int f = 0; f < d.counts()[t]; f++) {
                    int row = index.get(d.features()[t * StoryFeatures.MAX + f], -1) * c;
                    for (int l = 0; l < c; l++) {
                        gradient[row + l] -= marginal[l];
                    }
                    gradient[row + gold] += 1;
                }
                aGradient[0] += observed - expected;
                previousGold = gold;
            }
        }

        private static double logSum(double[] values, int m) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                max = Math.max(max, values[k]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                return max;
            }
            double sum = 0;
            for (int k = 0; k < m; k++) {
                sum += Math.exp(values[k] - max);
            }
            return max + Math.log(sum);
        }
    }
}
