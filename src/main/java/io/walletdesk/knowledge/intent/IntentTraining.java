package io.walletdesk.knowledge.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Trains an {@link IntentModel}: the SVMs on all examples, and, on held-out folds, the neighbour weights, the
 * softmax temperature and the thresholds (so they are fitted on predictions for unseen examples).
 */
final class IntentTraining {

    // The model as fitted before calibration: neutral temperature and thresholds, no neighbours.
    private static final double RAW_TEMPERATURE = 0.2;
    private static final double RAW_CONFIDENCE = 0.5;
    private static final double RAW_OUT_OF_SCOPE = 0.0;

    private IntentTraining() {
    }

    /** What the held-out folds say about each example: its SVM margins and its neighbour similarities. */
    private record HeldOut(double[][] scores, double[][][] neighbours) {
    }

    /** The neighbour weights chosen on the held-out folds (both 0: no neighbours). */
    private record NeighbourWeights(double embedding, double text) {
    }

    static IntentModel train(List<LabeledText> examples, TrainingOptions options) {
        List<LabeledText> sorted = new ArrayList<>(examples);
        // canonical order: the model must not depend on the order the examples came in
        sorted.sort(Comparator.comparing(LabeledText::label).thenComparing(LabeledText::text));
        String[] labels = sorted.stream().map(LabeledText::label).collect(Collectors.toCollection(TreeSet::new))
                .toArray(String[]::new);
        if (labels.length < 2) {
            throw new IllegalArgumentException("need examples of at least two intents, got " + labels.length);
        }
        // each text is embedded once, for the final model and every calibration fold
        float[][] embeddings = options.encoderWeight() > 0
                ? SentenceEncoder.get().encodeAll(sorted.stream().map(LabeledText::text).toList())
                : null;
        int n = sorted.size();
        int[] all = IntStream.range(0, n).toArray();
        int folds = options.calibrationFolds();
        if (folds < 2 || n < folds * 2) {
            return fit(sorted, embeddings, all, labels, options);
        }
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = Arrays.binarySearch(labels, sorted.get(i).label());
        }
        boolean withNeighbours = options.withNeighbours();
        HeldOut heldOut = heldOut(sorted, embeddings, labels, gold, options, withNeighbours);
        NeighbourWeights chosen = chooseNeighbourWeights(heldOut, gold, options, withNeighbours, embeddings != null);
        double[][] heldOutScores = heldOut.scores();
        if (withNeighbours) {
            for (int i = 0; i < n; i++) {
                heldOutScores[i] = IntentModel.combine(heldOutScores[i], heldOut.neighbours()[i], chosen.embedding(),
                        chosen.text());
            }
        }
        IntentModel core = fit(sorted, embeddings, all, labels, options);
        Calibration calibration = Calibration.fit(heldOutScores, gold,
                Arrays.asList(labels).indexOf(IntentModel.OUT_OF_SCOPE), options.targetPrecision(),
                options.confidenceFloor(), options.outOfScopeQuantile());
        NeighbourExamples kept = null;
        if (chosen.embedding() != 0 || chosen.text() != 0) {
            kept = new NeighbourExamples(options.embeddingK(), options.textK(), chosen.embedding(), chosen.text(),
                    gold, sorted.stream().map(LabeledText::text).toArray(String[]::new),
                    chosen.embedding() != 0 ? embeddings : null);
        }
        return new IntentModel(core.features(), core.encoderWeight(), labels, core.weights(),
                calibration.temperature(), calibration.confidenceThreshold(), calibration.outOfScopeThreshold(), kept);
    }

    /** Margins (and neighbour similarities) of every example from a model fitted without its fold. */
    private static HeldOut heldOut(List<LabeledText> sorted, float[][] embeddings, String[] labels, int[] gold,
            TrainingOptions options, boolean withNeighbours) {
        int n = sorted.size();
        int folds = options.calibrationFolds();
        int[] fold = Folds.stratified(sorted, folds);
        double[][] scores = new double[n][];
        double[][][] neighbours = new double[n][][];
        for (int k = 0; k < folds; k++) {
            int current = k;
            int[] rest = IntStream.range(0, n).filter(i -> fold[i] != current).toArray();
            IntentModel partial = fit(sorted, embeddings, rest, labels, options);
            TextFeatures features = partial.features();
            Neighbours others = null;
            boolean[] skip = new boolean[n];
            if (withNeighbours) {
                SparseVector[] text = new SparseVector[n];
                for (int i = 0; i < n; i++) {
                    text[i] = features.transform(sorted.get(i).text());
                    skip[i] = fold[i] == k;
                }
                others = new Neighbours(labels.length, options.embeddingK(), options.textK(), gold, embeddings, text,
                        features.dimension());
            }
            Neighbours neighboursOfFold = others;
            IntStream.range(0, n).filter(i -> fold[i] == current).parallel().forEach(i -> {
                float[] e = embeddings == null ? null : embeddings[i];
                SparseVector text = features.transform(sorted.get(i).text());
                scores[i] = partial.margins(IntentModel.vector(features, partial.encoderWeight(), text, e));
                if (neighboursOfFold != null) {
                    neighbours[i] = neighboursOfFold.similarities(e, text, skip);
                }
            });
        }
        return new HeldOut(scores, neighbours);
    }

    /** The most accurate neighbour weights on the held-out folds; ties go to the earlier (smaller) ones. */
    private static NeighbourWeights chooseNeighbourWeights(HeldOut heldOut, int[] gold, TrainingOptions options,
            boolean withNeighbours, boolean withEmbeddings) {
        double[] embeddingWeights = withNeighbours && withEmbeddings ? options.embeddingNeighbourWeights()
                : new double[] {0};
        double[] textWeights = withNeighbours ? options.textNeighbourWeights() : new double[] {0};
        int best = -1;
        NeighbourWeights chosen = new NeighbourWeights(0, 0);
        for (double we : embeddingWeights) {
            for (double wt : textWeights) {
                int count = 0;
                for (int i = 0; i < gold.length; i++) {
                    double[] s = withNeighbours ? IntentModel.combine(heldOut.scores()[i], heldOut.neighbours()[i],
                            we, wt) : heldOut.scores()[i];
                    count += argmax(s) == gold[i] ? 1 : 0;
                }
                if (count > best) {
                    best = count;
                    chosen = new NeighbourWeights(we, wt);
                }
            }
        }
        return chosen;
    }

    private static int argmax(double[] s) {
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fits features and machines on the examples at {@code rows} (temperature and thresholds: defaults). */
    private static IntentModel fit(List<LabeledText> examples, float[][] embeddings, int[] rows, String[] labels,
            TrainingOptions options) {
        List<String> texts = Arrays.stream(rows).mapToObj(i -> examples.get(i).text()).toList();
        TextFeatures features = TextFeatures.fit(texts, options.features());
        float encoderWeight = embeddings == null ? 0f : options.encoderWeight();
        SparseVector[] x = new SparseVector[rows.length];
        int[] y = new int[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(r -> {
            int i = rows[r];
            x[r] = IntentModel.vector(features, encoderWeight, features.transform(examples.get(i).text()),
                    embeddings == null ? null : embeddings[i]);
            y[r] = Arrays.binarySearch(labels, examples.get(i).label());
        });
        float[] weights = LinearSvm.trainOneVsRest(x, y, labels.length, IntentModel.dimension(features, encoderWeight),
                options.c(), null);
        return new IntentModel(features, encoderWeight, labels, weights, RAW_TEMPERATURE, RAW_CONFIDENCE,
                RAW_OUT_OF_SCOPE, null);
    }
}
