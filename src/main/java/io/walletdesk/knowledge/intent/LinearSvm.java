package io.walletdesk.knowledge.intent;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One-vs-rest linear support vector machines with squared hinge loss and L2 regularisation, trained by dual
 * coordinate descent with shrinking (Hsieh et al. 2008, the method of LIBLINEAR's solver 1), written here so
 * the product needs no native or GPL library. The bias is learnt as the weight of a constant feature 1.
 * Deterministic: the visiting order comes from a fixed seed and classes are trained independently.
 */
final class LinearSvm {

    private static final double EPSILON = 0.1;
    private static final int MAX_ITERATIONS = 1000;

    private LinearSvm() {
    }

    /**
     * Trains one machine per class.
     *
     * @return weights in feature-major order ({@code w[f * classes + c]}), and the biases after them
     *         ({@code w[dim * classes + c]})
     */
    static float[] trainOneVsRest(SparseVector[] x, int[] y, int classes, int dim, double c, double[] classCost) {
        double[] squaredNorms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            squaredNorms[i] = x[i].squaredNorm() + 1.0; // + bias feature
        }
        float[] weights = new float[(dim + 1) * classes];
        IntStream.range(0, classes).parallel().forEach(k -> {
            double[] w = trainBinary(x, y, k, dim, c, classCost == null ? 1.0 : classCost[k], squaredNorms);
            for (int f = 0; f <= dim; f++) {
                weights[f * classes + k] = (float) w[f]; // distinct k per task: no two tasks write one slot
            }
        });
        return weights;
    }

    /** Class k against the rest; {@code positiveCost} scales C for the positive examples. */
    private static double[] trainBinary(SparseVector[] x, int[] y, int k, int dim, double c, double positiveCost,
            double[] squaredNorms) {
        int l = x.length;
        double[] w = new double[dim + 1];
        double[] alpha = new double[l];
        double[] diag = new double[l];
        double[] qd = new double[l];
        byte[] sign = new byte[l];
        int[] order = new int[l];
        for (int i = 0; i < l; i++) {
            sign[i] = (byte) (y[i] == k ? 1 : -1);
            diag[i] = 0.5 / (c * (sign[i] > 0 ? positiveCost : 1.0));
            qd[i] = diag[i] + squaredNorms[i];
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(0x5EED + k);
        int active = l;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < active; i++) {
                int j = i + random.nextInt(active - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = order[s];
                SparseVector xi = x[i];
                int[] idx = xi.index();
                float[] val = xi.value();
                double dot = w[dim];
                for (int n = 0; n < idx.length; n++) {
                    dot += w[idx[n]] * val[n];
                }
                double g = sign[i] * dot - 1 + alpha[i] * diag[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) { // stays at the bound: shrink it out of the active set
                        active--;
                        int t = order[s];
                        order[s] = order[active];
                        order[active] = t;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * sign[i];
                    for (int n = 0; n < idx.length; n++) {
                        w[idx[n]] += d * val[n];
                    }
                    w[dim] += d;
                }
            }
            if (pgMax - pgMin <= EPSILON) {
                if (active == l) {
                    break;
                }
                active = l; // converged on the active set: check all examples once more
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? Double.POSITIVE_INFINITY : pgMax;
            pgMinOld = pgMin >= 0 ? Double.NEGATIVE_INFINITY : pgMin;
        }
        return w;
    }
}
