package io.walletdesk.knowledge.intent;

import java.util.Arrays;

/**
 * Turns one-vs-rest margins into probabilities and picks the decision thresholds, all from scores of
 * examples the scoring model had not seen (held-out folds), so the numbers hold for new messages.
 *
 * @param temperature         softmax temperature minimising the held-out negative log-likelihood
 * @param confidenceThreshold smallest probability above which held-out decisions reached the target precision
 *                            (never below the floor)
 * @param outOfScopeThreshold probability below which an in-scope best guess becomes out_of_scope: the given
 *                            quantile of the probabilities of correct in-scope held-out decisions, so about
 *                            that share of right answers is given up to catch unrelated questions
 */
record Calibration(double temperature, double confidenceThreshold, double outOfScopeThreshold) {

    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp((scores[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static Calibration fit(double[][] scores, int[] gold, int outOfScope, double targetPrecision,
            double confidenceFloor, double outOfScopeQuantile) {
        double temperature = fitTemperature(scores, gold);
        int n = gold.length;
        double[] top = new double[n];
        boolean[] correct = new boolean[n];
        boolean[] inScope = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] p = softmax(scores[i], temperature);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            top[i] = p[best];
            correct[i] = best == gold[i];
            inScope[i] = best != outOfScope;
        }
        double confidence = 0.99;
        for (int step = 0; step <= 99; step++) { // smallest threshold whose decisions reach the target precision
            double t = step / 100.0;
            int above = 0;
            int right = 0;
            for (int i = 0; i < n; i++) {
                if (top[i] >= t) {
                    above++;
                    right += correct[i] ? 1 : 0;
                }
            }
            if (above > 0 && right >= targetPrecision * above) {
                confidence = t;
                break;
            }
        }
        confidence = Math.max(confidence, confidenceFloor);
        double outOfScopeThreshold = 0;
        if (outOfScope >= 0) {
            double[] rightInScope = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (correct[i] && inScope[i]) {
                    rightInScope[m++] = top[i];
                }
            }
            if (m > 0) {
                double[] sorted = Arrays.copyOf(rightInScope, m);
                Arrays.sort(sorted);
                outOfScopeThreshold = Math.min(sorted[(int) Math.floor(outOfScopeQuantile * (m - 1))], confidence);
            }
        }
        return new Calibration(temperature, confidence, outOfScopeThreshold);
    }

    /** Golden-section search of log(temperature) in [log 0.005, log 5] for the lowest negative log-likelihood. */
    static double fitTemperature(double[][] scores, int[] gold) {
        double a = Math.log(0.005);
        double b = Math.log(5);
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = b - phi * (b - a);
        double x2 = a + phi * (b - a);
        double f1 = nll(scores, gold, Math.exp(x1));
        double f2 = nll(scores, gold, Math.exp(x2));
        for (int i = 0; i < 60; i++) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - phi * (b - a);
                f1 = nll(scores, gold, Math.exp(x1));
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + phi * (b - a);
                f2 = nll(scores, gold, Math.exp(x2));
            }
        }
        return Math.exp((a + b) / 2);
    }

    private static double nll(double[][] scores, int[] gold, double temperature) {
        double total = 0;
        for (int i = 0; i < gold.length; i++) {
            double[] s = scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : s) {
                sum += Math.exp((v - max) / temperature);
            }
            total += Math.log(sum) - (s[gold[i]] - max) / temperature;
        }
        return total / gold.length;
    }
}
