package io.walletdesk.knowledge.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The intent classifier: TF-IDF of word uni/bigrams and character 1-4-grams next to a sentence embedding
 * (all-MiniLM-L6-v2), one-vs-rest linear SVMs on both, probabilities by a softmax whose temperature is fitted
 * on held-out folds of the training data. One kind of model for every language (English, Indonesian,
 * Chinese) and every label set.
 *
 * <p>Training is deterministic (the same examples, in any order, give the same model) and takes a few
 * seconds for a few thousand phrases, most of it embedding them. A model is immutable and thread-safe; {@link #write} and {@link #read}
 * store it (e.g. in a database blob) so other nodes can load it without training.
 *
 * <p>When the training data has the label {@value #OUT_OF_SCOPE}, a message whose best intent is not probable
 * enough is answered with {@value #OUT_OF_SCOPE}.
 */
public final class IntentModel {

    /** The label of messages that are none of the product's intents. */
    public static final String OUT_OF_SCOPE = "out_of_scope";

    private static final int MAGIC = 0x5744494D; // "WDIM"
    private static final int VERSION = 2; // 1: no sentence embedding

    /** Training settings (tuned by cross-validation on BANKING77 and our phrases, see ADR 0400). */
    record Options(TextFeatures.Options features, float encoderWeight, double c, int calibrationFolds,
            double targetPrecision, double confidenceFloor, double outOfScopeQuantile) {
        static final Options DEFAULT = new Options(TextFeatures.Options.DEFAULT, 0.8f, 2.0, 4, 0.95, 0.5, 0.03);

        Options withoutCalibration() {
            return new Options(features, encoderWeight, c, 0, targetPrecision, confidenceFloor, outOfScopeQuantile);
        }

        Options withoutEncoder() {
            return new Options(features, 0f, c, calibrationFolds, targetPrecision, confidenceFloor,
                    outOfScopeQuantile);
        }
    }

    private final TextFeatures features;
    private final float encoderWeight; // 0: no sentence embedding
    private final SentenceEncoder encoder;
    private final String[] labels;
    private final float[] weights; // feature-major, (dimension + 1) * labels; the last row holds the biases
    private final double temperature;
    private final double confidenceThreshold;
    private final double outOfScopeThreshold;
    private final int outOfScopeIndex;

    private IntentModel(TextFeatures features, float encoderWeight, String[] labels, float[] weights,
            double temperature, double confidenceThreshold, double outOfScopeThreshold) {
        this.features = features;
        this.encoderWeight = encoderWeight;
        this.encoder = encoderWeight > 0 ? SentenceEncoder.get() : null;
        this.labels = labels;
        this.weights = weights;
        this.temperature = temperature;
        this.confidenceThreshold = confidenceThreshold;
        this.outOfScopeThreshold = outOfScopeThreshold;
        this.outOfScopeIndex = Arrays.asList(labels).indexOf(OUT_OF_SCOPE);
    }

    /**
     * Trains a model on labelled examples (at least two distinct labels).
     *
     * @throws IllegalArgumentException when there are fewer than two labels
     */
    public static IntentModel train(List<LabeledText> examples) {
        return train(examples, Options.DEFAULT);
    }

    /**
     * The model shipped with the product: trained on the phrase files {@code knowledge/intents/en.csv},
     * {@code id.csv} and {@code zh-CN.csv} on the class path, plus {@code extra} examples (e.g. staff
     * corrections of earlier predictions).
     *
     * @throws IllegalStateException when a phrase file is missing from the class path
     */
    public static IntentModel shipped(List<LabeledText> extra) {
        List<LabeledText> all = new ArrayList<>(ShippedPhrases.fromClassPath());
        all.addAll(extra);
        return train(all);
    }

    /** The shipped model without extra examples. */
    public static IntentModel shipped() {
        return shipped(List.of());
    }

    static IntentModel train(List<LabeledText> examples, Options options) {
        List<LabeledText> sorted = new ArrayList<>(examples);
        // canonical order: the model must not depend on the order the examples came in
        sorted.sort(Comparator.comparing(LabeledText::label).thenComparing(LabeledText::text));
        String[] labels = sorted.stream().map(LabeledText::label).collect(java.util.stream.Collectors
                .toCollection(TreeSet::new)).toArray(String[]::new);
        if (labels.length < 2) {
            throw new IllegalArgumentException("need examples of at least two intents, got " + labels.length);
        }
        // each text is embedded once, for the final model and every calibration fold
        float[][] embeddings = options.encoderWeight() > 0
                ? SentenceEncoder.get().encodeAll(sorted.stream().map(LabeledText::text).toList())
                : null;
        int[] all = java.util.stream.IntStream.range(0, sorted.size()).toArray();
        IntentModel core = fit(sorted, embeddings, all, labels, options);
        int folds = options.calibrationFolds();
        if (folds < 2 || sorted.size() < folds * 2) {
            return core;
        }
        // held-out scores: fit the temperature and the thresholds on predictions for unseen examples
        int[] fold = Folds.stratified(sorted, folds);
        double[][] heldOutScores = new double[sorted.size()][];
        for (int k = 0; k < folds; k++) {
            int current = k;
            int[] rest = java.util.stream.IntStream.range(0, sorted.size()).filter(i -> fold[i] != current).toArray();
            IntentModel partial = fit(sorted, embeddings, rest, labels, options);
            for (int i = 0; i < sorted.size(); i++) {
                if (fold[i] == k) {
                    heldOutScores[i] = partial.scores(partial.vector(sorted.get(i).text(),
                            embeddings == null ? null : embeddings[i]));
                }
            }
        }
        int[] gold = new int[sorted.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = Arrays.binarySearch(labels, sorted.get(i).label());
        }
        Calibration calibration = Calibration.fit(heldOutScores, gold, Arrays.asList(labels).indexOf(OUT_OF_SCOPE),
                options.targetPrecision(), options.confidenceFloor(), options.outOfScopeQuantile());
        return new IntentModel(core.features, core.encoderWeight, labels, core.weights, calibration.temperature(),
                calibration.confidenceThreshold(), calibration.outOfScopeThreshold());
    }

    /** Fits features and machines on the examples at {@code rows} (temperature and thresholds: defaults). */
    private static IntentModel fit(List<LabeledText> examples, float[][] embeddings, int[] rows, String[] labels,
            Options options) {
        List<String> texts = Arrays.stream(rows).mapToObj(i -> examples.get(i).text()).toList();
        TextFeatures features = TextFeatures.fit(texts, options.features());
        IntentModel model = new IntentModel(features, embeddings == null ? 0f : options.encoderWeight(), labels,
                null, 0.2, 0.5, 0.0);
        SparseVector[] x = new SparseVector[rows.length];
        int[] y = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            x[r] = model.vector(examples.get(i).text(), embeddings == null ? null : embeddings[i]);
            y[r] = Arrays.binarySearch(labels, examples.get(i).label());
        }
        float[] weights = LinearSvm.trainOneVsRest(x, y, labels.length, model.dimension(), options.c(), null);
        return new IntentModel(features, model.encoderWeight, labels, weights, 0.2, 0.5, 0.0);
    }

    private int dimension() {
        return features.dimension() + (encoderWeight > 0 ? SentenceEncoder.DIMENSION : 0);
    }

    /** TF-IDF features, then the weighted sentence embedding (computed here unless given). */
    SparseVector vector(String text, float[] embedding) {
        SparseVector sparse = features.transform(text);
        if (encoderWeight <= 0) {
            return sparse;
        }
        float[] e = embedding != null ? embedding : encoder.encode(text);
        int n = sparse.size();
        int[] index = Arrays.copyOf(sparse.index(), n + e.length);
        float[] value = Arrays.copyOf(sparse.value(), n + e.length);
        int base = features.dimension();
        for (int j = 0; j < e.length; j++) {
            index[n + j] = base + j;
            value[n + j] = encoderWeight * e[j];
        }
        return new SparseVector(index, value);
    }

    /** Raw one-vs-rest margins, one per label (in label order). */
    double[] scores(String text) {
        return scores(vector(text, null));
    }

    private double[] scores(SparseVector x) {
        int classes = labels.length;
        double[] s = new double[classes];
        int bias = dimension() * classes;
        for (int c = 0; c < classes; c++) {
            s[c] = weights[bias + c];
        }
        int[] index = x.index();
        float[] value = x.value();
        for (int n = 0; n < index.length; n++) {
            int offset = index[n] * classes;
            float v = value[n];
            for (int c = 0; c < classes; c++) {
                s[c] += v * weights[offset + c];
            }
        }
        return s;
    }

    /** Classifies one message. Thread-safe. */
    public Prediction predict(String text) {
        Objects.requireNonNull(text, "text");
        double[] p = Calibration.softmax(scores(text), temperature);
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        List<IntentScore> ranked = new ArrayList<>(labels.length);
        for (int i : order) {
            ranked.add(new IntentScore(labels[i], p[i]));
        }
        int top = order[0];
        if (outOfScopeIndex >= 0 && top != outOfScopeIndex && p[top] < outOfScopeThreshold) {
            return new Prediction(OUT_OF_SCOPE, p[outOfScopeIndex], false, ranked);
        }
        return new Prediction(labels[top], p[top], p[top] >= confidenceThreshold, ranked);
    }

    /** The intents this model knows, in alphabetical order. */
    public List<String> intents() {
        return List.of(labels);
    }

    /** Probability at or above which a decision is {@link Prediction#confident()}. */
    public double confidenceThreshold() {
        return confidenceThreshold;
    }

    /** Probability below which the best intent gives way to out_of_scope (0 without that label). */
    public double outOfScopeThreshold() {
        return outOfScopeIndex >= 0 ? outOfScopeThreshold : 0;
    }

    /** Writes the model (compressed, versioned binary format); does not close the stream. */
    public void write(OutputStream out) throws IOException {
        DeflaterOutputStream deflater = new DeflaterOutputStream(out);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(deflater, 1 << 16));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(labels.length);
        for (String label : labels) {
            data.writeUTF(label);
        }
        features.write(data);
        data.writeUTF(encoderWeight > 0 ? SentenceEncoder.NAME : "");
        data.writeFloat(encoderWeight);
        data.writeDouble(temperature);
        data.writeDouble(confidenceThreshold);
        data.writeDouble(outOfScopeThreshold);
        data.writeInt(weights.length);
        for (float w : weights) {
            data.writeFloat(w);
        }
        data.flush();
        deflater.finish();
    }

    /**
     * Reads a model written by {@link #write}; does not close the stream.
     *
     * @throws IOException when the data is not a model of this version
     */
    public static IntentModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(new InflaterInputStream(in), 1 << 16));
        if (data.readInt() != MAGIC) {
            throw new IOException("not an intent model");
        }
        int version = data.readInt();
        if (version != VERSION && version != 1) {
            throw new IOException("intent model format " + version + " is not supported (expected " + VERSION + ")");
        }
        int classes = data.readInt();
        if (classes < 2 || classes > 100_000) {
            throw new IOException("corrupt model: " + classes + " intents");
        }
        String[] labels = new String[classes];
        for (int i = 0; i < classes; i++) {
            labels[i] = data.readUTF();
        }
        TextFeatures features = TextFeatures.read(data);
        float encoderWeight = 0;
        if (version >= 2) {
            String encoderName = data.readUTF();
            encoderWeight = data.readFloat();
            if (encoderWeight > 0 && !encoderName.equals(SentenceEncoder.NAME)) {
                throw new IOException("the model needs the sentence encoder " + encoderName + ", this build has "
                        + SentenceEncoder.NAME);
            }
        }
        double temperature = data.readDouble();
        double confidence = data.readDouble();
        double outOfScope = data.readDouble();
        int n = data.readInt();
        int dimension = features.dimension() + (encoderWeight > 0 ? SentenceEncoder.DIMENSION : 0);
        if (n != (dimension + 1) * classes) {
            throw new IOException("corrupt model: " + n + " weights");
        }
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = data.readFloat();
        }
        return new IntentModel(features, encoderWeight, labels, weights, temperature, confidence, outOfScope);
    }
}
