package io.newsflow.extraction.entities.train;

import java.util.Arrays;
import java.util.Random;

/** Lloyd's k-means on unit vectors (so nearest means most cosine-similar), weighted, deterministic for a seed. */
final class KMeans {

    private KMeans() {
    }

    /** Normalizes each row of {@code vectors} to unit length, in place. */
    static void normalize(float[] vectors, int d) {
        for (int r = 0; r < vectors.length / d; r++) {
            double norm = 0;
            for (int x = 0; x < d; x++) {
                norm += vectors[r * d + x] * vectors[r * d + x];
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int x = 0; x < d; x++) {
                vectors[r * d + x] *= scale;
            }
        }
    }

    /**
     * Assigns each row of {@code vectors} to one of {@code k} clusters.
     *
     * @param weights how much each row pulls its centroid (word frequency)
     * @param centroidsOut receives the {@code k × d} unit centroids
     */
    static int[] cluster(float[] vectors, double[] weights, int d, int k, int iterations, long seed,
                         float[] centroidsOut) {
        int n = vectors.length / d;
        Random random = new Random(seed);
        float[] centroids = centroidsOut;
        int[] picks = random.ints(0, n).distinct().limit(k).toArray();
        for (int c = 0; c < k; c++) {
            System.arraycopy(vectors, picks[c] * d, centroids, c * d, d);
        }
        int[] assignment = new int[n];
        double[] sums = new double[k * d];
        for (int iteration = 0; iteration < iterations; iteration++) {
            for (int r = 0; r < n; r++) {
                assignment[r] = nearest(vectors, r * d, centroids, k, d);
            }
            Arrays.fill(sums, 0);
            for (int r = 0; r < n; r++) {
                int base = assignment[r] * d;
                for (int x = 0; x < d; x++) {
                    sums[base + x] += weights[r] * vectors[r * d + x];
                }
            }
            for (int c = 0; c < k * d; c++) {
                centroids[c] = (float) sums[c];
            }
            normalize(centroids, d);
        }
        return assignment;
    }

    private static int nearest(float[] vectors, int offset, float[] centroids, int k, int d) {
        int best = 0;
        float bestDot = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float dot = 0;
            int base = c * d;
            for (int x = 0; x < d; x++) {
                dot += vectors[offset + x] * centroids[base + x];
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = c;
            }
        }
        return best;
    }
}
