package io.newsflow.extraction.entities.train;

import java.util.Arrays;

/**
 * Brown-style word classes by the exchange algorithm with the predictive class bigram model (Uszkoreit and Brants
 * 2008): each word belongs to one class, and the classes maximize the likelihood of the corpus under
 * P(w | v) = P(class(w) | v) P(w | class(w)), v the previous word. Unlike Brown's agglomerative merging, whose
 * cost grows with the square of the number of classes times the vocabulary, a pass of the exchange algorithm costs
 * the number of distinct word bigrams times the number of classes, a few seconds on this corpus. Like Brown
 * clusters, the classes come from word order alone, which the skip-gram clusters blur over a window of five.
 * Where Brown's tree gives bit-string prefixes of several lengths, this runs once per granularity (1024, 256, 64
 * and 16 classes, about prefixes of 10, 8, 6 and 4 bits); the coarser classes are not unions of finer ones,
 * which the tagger's features do not need. Deterministic.
 */
final class ExchangeClusters {

    private ExchangeClusters() {
    }

    /**
     * Classes for the {@code words} most frequent words.
     *
     * @param corpus word ids in order, {@code -1} between sentences
     * @param counts each word id's count
     * @param words  how many of the most frequent words get a class (and count as previous words; the others
     *               share one previous-word slot)
     * @param classes number of classes
     * @return each word id's class, or -1 for words outside the {@code words} most frequent
     */
    static int[] cluster(int[] corpus, int[] counts, int words, int classes, int iterations) {
        int vocabulary = counts.length;
        Integer[] byCount = new Integer[vocabulary];
        for (int w = 0; w < vocabulary; w++) {
            byCount[w] = w;
        }
        Arrays.sort(byCount, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        int kept = Math.min(words, vocabulary);
        // rank r < kept: a clustered word; kept: any rarer word; kept + 1: the start of a sentence
        int[] rank = new int[vocabulary];
        Arrays.fill(rank, kept);
        for (int r = 0; r < kept; r++) {
            rank[byCount[r]] = r;
        }
        int histories = kept + 2;

        // distinct (previous, word) bigrams of clustered words, grouped by word: CSR arrays
        long[] pairs = new long[corpus.length];
        int p = 0;
        int previous = kept + 1;
        for (int id : corpus) {
            if (id < 0) {
                previous = kept + 1;
                continue;
            }
            int r = rank[id];
            if (r < kept) {
                pairs[p++] = (long) r << 32 | previous;
            }
            previous = r;
        }
        Arrays.sort(pairs, 0, p);
        int[] start = new int[kept + 1];
        int[] history = new int[p];
        int[] pairCount = new int[p];
        int distinct = 0;
        for (int k = 0; k < p; k++) {
            if (distinct > 0 && pairs[k] == pairs[k - 1]) {
                pairCount[distinct - 1]++;
                continue;
            }
            history[distinct] = (int) pairs[k];
            pairCount[distinct] = 1;
            start[(int) (pairs[k] >>> 32) + 1]++;
            distinct++;
        }
        for (int r = 0; r < kept; r++) {
            start[r + 1] += start[r];
        }
        int[] wordCount = new int[kept];
        int maxCount = 0;
        for (int r = 0; r < kept; r++) {
            wordCount[r] = counts[byCount[r]];
            maxCount = Math.max(maxCount, wordCount[r]);
        }
        int[] historyCount = new int[histories];
        for (int k = 0; k < distinct; k++) {
            historyCount[history[k]] += pairCount[k];
        }
        for (int v = 0; v < histories; v++) {
            maxCount = Math.max(maxCount, historyCount[v]);
        }
        double[] xlogx = new double[maxCount + 1];
        for (int x = 1; x <= maxCount; x++) {
            xlogx[x] = x * Math.log(x);
        }

        int[] classOf = new int[kept];
        for (int r = 0; r < kept; r++) {
            classOf[r] = r % classes;
        }
        // N(v, c): how often history v precedes a word of class c; N(c): how often class c occurs
        int[] joint = new int[histories * classes];
        long[] classCount = new long[classes];
        for (int r = 0; r < kept; r++) {
            int c = classOf[r];
            classCount[c] += wordCount[r];
            for (int k = start[r]; k < start[r + 1]; k++) {
                joint[history[k] * classes + c] += pairCount[k];
            }
        }
        double[] gain = new double[classes];
        for (int iteration = 0; iteration < iterations; iteration++) {
            int moved = 0;
            for (int r = 0; r < kept; r++) {
                int from = classOf[r];
                classCount[from] -= wordCount[r];
                for (int k = start[r]; k < start[r + 1]; k++) {
                    joint[history[k] * classes + from] -= pairCount[k];
                }
                Arrays.fill(gain, 0);
                for (int k = start[r]; k < start[r + 1]; k++) {
                    int n = pairCount[k];
                    int row = history[k] * classes;
                    for (int c = 0; c < classes; c++) {
                        int before = joint[row + c];
                        gain[c] += xlogx[before + n] - xlogx[before];
                    }
                }
                int best = from;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double g = gain[c] - flogf(classCount[c] + wordCount[r]) + flogf(classCount[c]);
                    if (g > bestGain + 1e-9 || c == from && g >= bestGain - 1e-9) {
                        bestGain = g;
                        best = c;
                    }
                }
                if (best != from) {
                    moved++;
                }
                classOf[r] = best;
                classCount[best] += wordCount[r];
                for (int k = start[r]; k < start[r + 1]; k++) {
                    joint[history[k] * classes + best] += pairCount[k];
                }
            }
            if (moved == 0) {
                break;
            }
        }
        int[] result = new int[vocabulary];
        Arrays.fill(result, -1);
        for (int r = 0; r < kept; r++) {
            result[byCount[r]] = classOf[r];
        }
        return result;
    }

    private static double flogf(long x) {
        return x == 0 ? 0 : x * Math.log(x);
    }
}
