package io.walletdesk.knowledge.intent;

import java.util.Arrays;

/**
 * The training examples as nearest neighbours: for a message, the mean cosine similarity of the {@code k} most
 * similar training examples of every intent, once over the sentence embeddings and once over the TF-IDF
 * vectors. Added to the SVM margins (weights chosen on held-out folds), they let a close paraphrase of one
 * training example win where the linear machines hesitate. Thread-safe after construction.
 */
final class Neighbours {

    private final int classes;
    private final int embeddingK;
    private final int textK;
    private final int[] label;
    private final float[][] embeddings; // null without the sentence encoder
    // inverted index of the TF-IDF vectors: feature -> (example, value)
    private final int[][] postingExample;
    private final float[][] postingValue;

    Neighbours(int classes, int embeddingK, int textK, int[] label, float[][] embeddings, SparseVector[] text,
            int dimension) {
        this.classes = classes;
        this.embeddingK = embeddingK;
        this.textK = textK;
        this.label = label;
        this.embeddings = embeddings;
        int[] count = new int[dimension];
        for (SparseVector v : text) {
            for (int id : v.index()) {
                count[id]++;
            }
        }
        postingExample = new int[dimension][];
        postingValue = new float[dimension][];
        for (int f = 0; f < dimension; f++) {
            postingExample[f] = new int[count[f]];
            postingValue[f] = new float[count[f]];
        }
        int[] fill = new int[dimension];
        for (int i = 0; i < text.length; i++) {
            int[] index = text[i].index();
            float[] value = text[i].value();
            for (int n = 0; n < index.length; n++) {
                int f = index[n];
                postingExample[f][fill[f]] = i;
                postingValue[f][fill[f]++] = value[n];
            }
        }
    }

    int size() {
        return label.length;
    }

    /**
     * Per intent, the mean of the k highest similarities to its training examples (missing neighbours count
     * as 0): {@code [0]} over the embeddings (zeros without them), {@code [1]} over the TF-IDF vectors. Examples
     * for which {@code skip} is true are left out (held-out folds during calibration); {@code skip} may be null.
     */
    double[][] similarities(float[] embedding, SparseVector text, boolean[] skip) {
        int n = label.length;
        double[] byEmbedding = new double[classes];
        if (embeddings != null && embedding != null) {
            float[] sim = new float[n];
            for (int i = 0; i < n; i++) {
                sim[i] = dot(embeddings[i], embedding);
            }
            byEmbedding = topMeans(sim, skip, embeddingK);
        }
        float[] sim = new float[n];
        int[] index = text.index();
        float[] value = text.value();
        for (int m = 0; m < index.length; m++) {
            int f = index[m];
            if (f >= postingExample.length) {
                continue;
            }
            int[] examples = postingExample[f];
            float[] values = postingValue[f];
            float v = value[m];
            for (int p = 0; p < examples.length; p++) {
                sim[examples[p]] += v * values[p];
            }
        }
        return new double[][] {byEmbedding, topMeans(sim, skip, textK)};
    }

    private double[] topMeans(float[] sim, boolean[] skip, int k) {
        float[][] top = new float[classes][k];
        for (float[] t : top) {
            Arrays.fill(t, Float.NEGATIVE_INFINITY);
        }
        for (int i = 0; i < sim.length; i++) {
            if (skip != null && skip[i]) {
                continue;
            }
            float[] t = top[label[i]];
            float s = sim[i];
            if (s > t[k - 1]) {
                int p = k - 1;
                while (p > 0 && t[p - 1] < s) {
                    t[p] = t[p - 1];
                    p--;
                }
                t[p] = s;
            }
        }
        double[] mean = new double[classes];
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (float s : top[c]) {
                sum += s == Float.NEGATIVE_INFINITY ? 0 : s;
            }
            mean[c] = sum / k;
        }
        return mean;
    }

    static float dot(float[] a, float[] b) {
        float d0 = 0;
        float d1 = 0;
        float d2 = 0;
        float d3 = 0;
        int j = 0;
        int n = Math.min(a.length, b.length);
        for (; j + 3 < n; j += 4) {
            d0 += a[j] * b[j];
            d1 += a[j + 1] * b[j + 1];
            d2 += a[j + 2] * b[j + 2];
            d3 += a[j + 3] * b[j + 3];
        }
        for (; j < n; j++) {
            d0 += a[j] * b[j];
        }
        return (d0 + d1) + (d2 + d3);
    }
}
