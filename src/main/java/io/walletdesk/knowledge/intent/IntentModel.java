package io.walletdesk.knowledge.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The intent classifier: TF-IDF of word uni/bigrams and character 1-4-grams next to a sentence embedding
 * (all-MiniLM-L6-v2), one-vs-rest linear SVMs on both, probabilities by a softmax whose temperature is fitted
 * on held-out folds of the training data. One kind of model for every language (English, Indonesian,
 * Chinese) and every label set.
 *
 * <p>Training ({@link IntentTraining}) is deterministic (the same examples, in any order, give the same model)
 * and takes a few seconds for a few thousand phrases, most of it embedding them. A model is immutable and
 * thread-safe; {@link #write} and {@link #read} ({@link IntentModelFormat}) store it (e.g. in a database blob)
 * so other nodes can load it without training.
 *
 * <p>When the training data has the label {@value #OUT_OF_SCOPE}, a message whose best intent is not probable
 * enough is answered with {@value #OUT_OF_SCOPE}.
 */
public final class IntentModel {

    /** The label of messages that are none of the product's intents. */
    public static final String OUT_OF_SCOPE = "out_of_scope";

    private final TextFeatures features;
    private final float encoderWeight; // 0: no sentence embedding
    private final SentenceEncoder encoder;
    private final String[] labels;
    private final float[] weights; // feature-major, (dimension + 1) * labels; the last row holds the biases
    private final double temperature;
    private final double confidenceThreshold;
    private final double outOfScopeThreshold;
    private final int outOfScopeIndex;
    private final NeighbourExamples examples; // null: no nearest-neighbour similarities
    private final Neighbours neighbours;

    IntentModel(TextFeatures features, float encoderWeight, String[] labels, float[] weights, double temperature,
            double confidenceThreshold, double outOfScopeThreshold, NeighbourExamples examples) {
        this.features = features;
        this.encoderWeight = encoderWeight;
        this.encoder = encoderWeight > 0 ? SentenceEncoder.get() : null;
        this.examples = examples;
        this.neighbours = examples == null ? null : examples.index(features, labels.length);
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
        return IntentTraining.train(examples, TrainingOptions.DEFAULT);
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

    /**
     * Writes the model (compressed, versioned binary format; the oldest version that holds it, so a model
     * without neighbours is also readable by older builds); does not close the stream.
     */
    public void write(OutputStream out) throws IOException {
        IntentModelFormat.write(this, out);
    }

    /**
     * Reads a model written by {@link #write}; does not close the stream.
     *
     * @throws IOException when the data is not a model this build can read
     */
    public static IntentModel read(InputStream in) throws IOException {
        return IntentModelFormat.read(in);
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

    /** The oldest format that holds this model (2 without neighbours). */
    int formatVersion() {
        return IntentModelFormat.versionFor(this);
    }

    // ---- scoring ----------------------------------------------------------------------------------------------

    /** Margins plus weighted neighbour similarities, one per label (in label order). */
    double[] scores(String text) {
        SparseVector sparse = features.transform(text);
        float[] e = encoderWeight > 0 ? encoder.encode(text) : null;
        double[] s = margins(vector(features, encoderWeight, sparse, e));
        if (neighbours != null) {
            s = combine(s, neighbours.similarities(e, sparse, null), examples.embeddingWeight(),
                    examples.textWeight());
        }
        return s;
    }

    /** The SVM margins of a feature vector made by {@link #vector}, one per label. */
    double[] margins(SparseVector x) {
        int classes = labels.length;
        double[] s = new double[classes];
        int bias = dimension(features, encoderWeight) * classes;
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

    /**
     * TF-IDF features ({@code sparse}), then the weighted sentence embedding ({@code embedding} must be given
     * when {@code encoderWeight} is positive).
     */
    static SparseVector vector(TextFeatures features, float encoderWeight, SparseVector sparse, float[] embedding) {
        if (encoderWeight <= 0) {
            return sparse;
        }
        int n = sparse.size();
        int extra = embedding.length;
        int[] index = Arrays.copyOf(sparse.index(), n + extra);
        float[] value = Arrays.copyOf(sparse.value(), n + extra);
        int base = features.dimension();
        for (int j = 0; j < extra; j++) {
            index[n + j] = base + j;
            value[n + j] = encoderWeight * embedding[j];
        }
        return new SparseVector(index, value);
    }

    /** Number of features: the TF-IDF vocabulary, then the sentence embedding if there is one. */
    static int dimension(TextFeatures features, float encoderWeight) {
        return features.dimension() + (encoderWeight > 0 ? SentenceEncoder.DIMENSION : 0);
    }

    static double[] combine(double[] scores, double[][] similarities, double embeddingWeight, double textWeight) {
        double[] s = scores.clone();
        for (int c = 0; c < s.length; c++) {
            s[c] += embeddingWeight * similarities[0][c] + textWeight * similarities[1][c];
        }
        return s;
    }

    // ---- parts, for training and the file format ------------------------------------------------------------

    TextFeatures features() {
        return features;
    }

    float encoderWeight() {
        return encoderWeight;
    }

    String[] labels() {
        return labels;
    }

    float[] weights() {
        return weights;
    }

    double temperature() {
        return temperature;
    }

    /** The stored threshold, also when the model has no out_of_scope label. */
    double rawOutOfScopeThreshold() {
        return outOfScopeThreshold;
    }

    NeighbourExamples examples() {
        return examples;
    }
}
