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
    // 1: no sentence embedding; 2: embedding; 3: + random Fourier features and nearest neighbours
    private static final int VERSION = 3;

    /**
     * Training settings (tuned by cross-validation on BANKING77 and our phrases, see ADR 0400). The weight of
     * the random Fourier features (one of {@code fourierWeights}, 0: none) and the weights of the
     * nearest-neighbour similarities (from {@code embeddingNeighbourWeights} and {@code textNeighbourWeights})
     * are chosen together by accuracy on the held-out calibration folds; ties go to the earlier, simpler choice.
     */
    record Options(TextFeatures.Options features, float encoderWeight, double c, int calibrationFolds,
            double targetPrecision, double confidenceFloor, double outOfScopeQuantile, int fourierFeatures,
            double fourierGamma, float[] fourierWeights, int embeddingK, int textK,
            double[] embeddingNeighbourWeights, double[] textNeighbourWeights) {
        static final Options DEFAULT = new Options(TextFeatures.Options.DEFAULT, 0.8f, 2.0, 4, 0.95, 0.5, 0.03,
                1024, 1.0, new float[] {0f}, 1, 3, new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 2, 3});

        Options withoutCalibration() {
            return new Options(features, encoderWeight, c, 0, targetPrecision, confidenceFloor, outOfScopeQuantile,
                    fourierFeatures, fourierGamma, fourierWeights, embeddingK, textK, embeddingNeighbourWeights,
                    textNeighbourWeights);
        }

        Options withoutEncoder() {
            return new Options(features, 0f, c, calibrationFolds, targetPrecision, confidenceFloor,
                    outOfScopeQuantile, 0, fourierGamma, new float[] {0f}, embeddingK, textK, new double[] {0},
                    textNeighbourWeights);
        }

        /** Only the SVMs of format 2 (no random Fourier features, no neighbours). */
        Options withoutExtras() {
            return new Options(features, encoderWeight, c, calibrationFolds, targetPrecision, confidenceFloor,
                    outOfScopeQuantile, 0, fourierGamma, new float[] {0f}, embeddingK, textK, new double[] {0},
                    new double[] {0});
        }

        /** Always the random Fourier features of this weight (0: none). */
        Options withFourierWeight(float weight) {
            return new Options(features, encoderWeight, c, calibrationFolds, targetPrecision, confidenceFloor,
                    outOfScopeQuantile, weight > 0 ? fourierFeatures : 0, fourierGamma, new float[] {weight},
                    embeddingK, textK, embeddingNeighbourWeights, textNeighbourWeights);
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
    private final RandomFourierFeatures fourier; // null: none (always null without the embedding)
    private final float fourierWeight;
    private final Examples examples; // null: no nearest-neighbour similarities
    private final Neighbours neighbours;

    /** The training examples kept for the nearest-neighbour similarities, in canonical order. */
    private record Examples(int embeddingK, int textK, double embeddingWeight, double textWeight, int[] label,
            String[] text, float[][] embedding) {
    }

    private IntentModel(TextFeatures features, float encoderWeight, String[] labels, float[] weights,
            double temperature, double confidenceThreshold, double outOfScopeThreshold,
            RandomFourierFeatures fourier, float fourierWeight, Examples examples) {
        this.features = features;
        this.encoderWeight = encoderWeight;
        this.encoder = encoderWeight > 0 ? SentenceEncoder.get() : null;
        this.fourier = encoderWeight > 0 ? fourier : null;
        this.fourierWeight = fourierWeight;
        this.examples = examples;
        this.neighbours = examples == null ? null : neighbours(features, labels.length, examples);
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
        float[] fourierWeights = embeddings == null ? new float[] {0f} : options.fourierWeights();
        int folds = options.calibrationFolds();
        if (folds < 2 || sorted.size() < folds * 2) {
            return fit(sorted, embeddings, all, labels, options.withFourierWeight(fourierWeights[0]));
        }
        int n = sorted.size();
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = Arrays.binarySearch(labels, sorted.get(i).label());
        }
        // held-out scores: fit the neighbour weights, the temperature and the thresholds on predictions for
        // unseen examples
        int[] fold = Folds.stratified(sorted, folds);
        int candidates = fourierWeights.length;
        double[][][] heldOutScoresOf = new double[candidates][n][]; // per Fourier weight
        double[][][] heldOutNeighbours = new double[n][][];
        boolean withNeighbours = Arrays.stream(options.embeddingNeighbourWeights()).anyMatch(w -> w != 0)
                || Arrays.stream(options.textNeighbourWeights()).anyMatch(w -> w != 0);
        for (int k = 0; k < folds; k++) {
            int current = k;
            int[] rest = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != current).toArray();
            IntentModel[] partials = new IntentModel[candidates];
            for (int f = 0; f < candidates; f++) {
                partials[f] = fit(sorted, embeddings, rest, labels, options.withFourierWeight(fourierWeights[f]));
            }
            IntentModel partial = partials[0]; // the TF-IDF features are the same for every candidate
            Neighbours others = null;
            boolean[] skip = new boolean[n];
            if (withNeighbours) {
                SparseVector[] text = new SparseVector[n];
                for (int i = 0; i < n; i++) {
                    text[i] = partial.features.transform(sorted.get(i).text());
                    skip[i] = fold[i] == k;
                }
                others = new Neighbours(labels.length, options.embeddingK(), options.textK(), gold, embeddings, text,
                        partial.features.dimension());
            }
            Neighbours neighboursOfFold = others;
            java.util.stream.IntStream.range(0, n).filter(i -> fold[i] == current).parallel().forEach(i -> {
                float[] e = embeddings == null ? null : embeddings[i];
                SparseVector text = partial.features.transform(sorted.get(i).text());
                for (int f = 0; f < candidates; f++) {
                    heldOutScoresOf[f][i] = partials[f].scores(partials[f].vector(text, e));
                }
                if (neighboursOfFold != null) {
                    heldOutNeighbours[i] = neighboursOfFold.similarities(e, text, skip);
                }
            });
        }
        // per Fourier weight the most accurate neighbour weights on the held-out folds (ties: the smaller ones);
        // a later Fourier weight replaces the choice only when it is clearly better on the same examples: it
        // is right where the choice is wrong (b) more often than the reverse (c) by at least sqrt(b + c), so
        // a few lucky examples of a small data set do not buy the extra features
        double embeddingWeight = 0;
        double textWeight = 0;
        int chosen = -1;
        boolean[] chosenRight = null;
        double[] embeddingWeights = withNeighbours && embeddings != null ? options.embeddingNeighbourWeights()
                : new double[] {0};
        double[] textWeights = withNeighbours ? options.textNeighbourWeights() : new double[] {0};
        for (int f = 0; f < candidates; f++) {
            int best = -1;
            boolean[] bestRight = null;
            double bestWe = 0;
            double bestWt = 0;
            for (double we : embeddingWeights) {
                for (double wt : textWeights) {
                    boolean[] right = new boolean[n];
                    int count = 0;
                    for (int i = 0; i < n; i++) {
                        double[] s = withNeighbours ? combine(heldOutScoresOf[f][i], heldOutNeighbours[i], we, wt)
                                : heldOutScoresOf[f][i];
                        right[i] = argmax(s) == gold[i];
                        count += right[i] ? 1 : 0;
                    }
                    if (count > best) {
                        best = count;
                        bestRight = right;
                        bestWe = we;
                        bestWt = wt;
                    }
                }
            }
            int better = 0;
            int worse = 0;
            for (int i = 0; chosenRight != null && i < n; i++) {
                better += bestRight[i] && !chosenRight[i] ? 1 : 0;
                worse += !bestRight[i] && chosenRight[i] ? 1 : 0;
            }
            if (chosenRight == null || better - worse > 0 && better - worse >= Math.sqrt(better + worse)) {
                chosen = f;
                chosenRight = bestRight;
                embeddingWeight = bestWe;
                textWeight = bestWt;
            }
        }
        double[][] heldOutScores = heldOutScoresOf[chosen];
        if (withNeighbours) {
            for (int i = 0; i < n; i++) {
                heldOutScores[i] = combine(heldOutScores[i], heldOutNeighbours[i], embeddingWeight, textWeight);
            }
        }
        IntentModel core = fit(sorted, embeddings, all, labels, options.withFourierWeight(fourierWeights[chosen]));
        Calibration calibration = Calibration.fit(heldOutScores, gold, Arrays.asList(labels).indexOf(OUT_OF_SCOPE),
                options.targetPrecision(), options.confidenceFloor(), options.outOfScopeQuantile());
        Examples kept = null;
        if (embeddingWeight != 0 || textWeight != 0) {
            kept = new Examples(options.embeddingK(), options.textK(), embeddingWeight, textWeight, gold,
                    sorted.stream().map(LabeledText::text).toArray(String[]::new),
                    embeddingWeight != 0 ? embeddings : null);
        }
        return new IntentModel(core.features, core.encoderWeight, labels, core.weights, calibration.temperature(),
                calibration.confidenceThreshold(), calibration.outOfScopeThreshold(), core.fourier,
                core.fourierWeight, kept);
    }

    private static Neighbours neighbours(TextFeatures features, int classes, Examples examples) {
        SparseVector[] text = new SparseVector[examples.text().length];
        for (int i = 0; i < text.length; i++) {
            text[i] = features.transform(examples.text()[i]);
        }
        return new Neighbours(classes, examples.embeddingK(), examples.textK(), examples.label(), examples.embedding(),
                text, features.dimension());
    }

    private static double[] combine(double[] scores, double[][] similarities, double embeddingWeight,
            double textWeight) {
        double[] s = scores.clone();
        for (int c = 0; c < s.length; c++) {
            s[c] += embeddingWeight * similarities[0][c] + textWeight * similarities[1][c];
        }
        return s;
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
            Options options) {
        List<String> texts = Arrays.stream(rows).mapToObj(i -> examples.get(i).text()).toList();
        TextFeatures features = TextFeatures.fit(texts, options.features());
        RandomFourierFeatures fourier = embeddings != null && options.fourierFeatures() > 0
                && options.fourierWeights()[0] > 0
                ? RandomFourierFeatures.of(options.fourierFeatures(), options.fourierGamma(), SentenceEncoder.DIMENSION)
                : null;
        IntentModel model = new IntentModel(features, embeddings == null ? 0f : options.encoderWeight(), labels,
                null, 0.2, 0.5, 0.0, fourier, options.fourierWeights()[0], null);
        SparseVector[] x = new SparseVector[rows.length];
        int[] y = new int[rows.length];
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(r -> {
            int i = rows[r];
            x[r] = model.vector(features.transform(examples.get(i).text()), embeddings == null ? null : embeddings[i]);
            y[r] = Arrays.binarySearch(labels, examples.get(i).label());
        });
        float[] weights = LinearSvm.trainOneVsRest(x, y, labels.length, model.dimension(), options.c(), null);
        return new IntentModel(features, model.encoderWeight, labels, weights, 0.2, 0.5, 0.0, fourier,
                options.fourierWeights()[0], null);
    }

    private int dimension() {
        return dimension(features, encoderWeight, fourier);
    }

    private static int dimension(TextFeatures features, float encoderWeight, RandomFourierFeatures fourier) {
        return features.dimension() + (encoderWeight > 0 ? SentenceEncoder.DIMENSION : 0)
                + (encoderWeight > 0 && fourier != null ? fourier.count() : 0);
    }

    /**
     * TF-IDF features ({@code sparse}), then the weighted sentence embedding and its weighted random Fourier
     * features ({@code embedding} must be given when the model has an encoder).
     */
    SparseVector vector(SparseVector sparse, float[] embedding) {
        if (encoderWeight <= 0) {
            return sparse;
        }
        float[] e = embedding;
        int n = sparse.size();
        int extra = e.length + (fourier != null ? fourier.count() : 0);
        int[] index = Arrays.copyOf(sparse.index(), n + extra);
        float[] value = Arrays.copyOf(sparse.value(), n + extra);
        int base = features.dimension();
        for (int j = 0; j < extra; j++) {
            index[n + j] = base + j;
        }
        for (int j = 0; j < e.length; j++) {
            value[n + j] = encoderWeight * e[j];
        }
        if (fourier != null) {
            fourier.transform(e, fourierWeight, value, n + e.length);
        }
        return new SparseVector(index, value);
    }

    /** Margins plus weighted neighbour similarities, one per label (in label order). */
    double[] scores(String text) {
        SparseVector sparse = features.transform(text);
        float[] e = encoderWeight > 0 ? encoder.encode(text) : null;
        double[] s = scores(vector(sparse, e));
        if (neighbours != null) {
            s = combine(s, neighbours.similarities(e, sparse, null), examples.embeddingWeight(), examples.textWeight());
        }
        return s;
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

    /** The oldest format that holds this model (2 without random Fourier features and neighbours). */
    int formatVersion() {
        return fourier == null && examples == null ? 2 : VERSION;
    }

    /**
     * Writes the model (compressed, versioned binary format; the oldest version that holds it, so a model
     * without the extras of format 3 is also readable by older builds); does not close the stream.
     */
    public void write(OutputStream out) throws IOException {
        DeflaterOutputStream deflater = new DeflaterOutputStream(out);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(deflater, 1 << 16));
        int version = formatVersion();
        data.writeInt(MAGIC);
        data.writeInt(version);
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
        if (version >= 3) {
            data.writeInt(fourier != null ? fourier.count() : 0);
            data.writeDouble(fourier != null ? fourier.gamma() : 0);
            data.writeFloat(fourierWeight);
        }
        data.writeInt(weights.length);
        for (float w : weights) {
            data.writeFloat(w);
        }
        if (version >= 3) {
            data.writeInt(examples == null ? 0 : examples.label().length);
        }
        if (examples != null) {
            data.writeInt(examples.embeddingK());
            data.writeInt(examples.textK());
            data.writeDouble(examples.embeddingWeight());
            data.writeDouble(examples.textWeight());
            data.writeBoolean(examples.embedding() != null);
            for (int i = 0; i < examples.label().length; i++) {
                data.writeInt(examples.label()[i]);
                byte[] utf8 = examples.text()[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                data.writeInt(utf8.length);
                data.write(utf8);
                if (examples.embedding() != null) {
                    for (float v : examples.embedding()[i]) {
                        data.writeFloat(v);
                    }
                }
            }
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
        if (version < 1 || version > VERSION) {
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
        RandomFourierFeatures fourier = null;
        float fourierWeight = 0;
        if (version >= 3) {
            int count = data.readInt();
            double gamma = data.readDouble();
            fourierWeight = data.readFloat();
            if (count < 0 || count > 1 << 16) {
                throw new IOException("corrupt model: " + count + " random Fourier features");
            }
            if (count > 0 && encoderWeight > 0) {
                fourier = RandomFourierFeatures.of(count, gamma, SentenceEncoder.DIMENSION);
            }
        }
        int n = data.readInt();
        int dimension = dimension(features, encoderWeight, fourier);
        if (n != (dimension + 1) * classes) {
            throw new IOException("corrupt model: " + n + " weights");
        }
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = data.readFloat();
        }
        Examples examples = null;
        if (version >= 3) {
            int count = data.readInt();
            if (count < 0 || count > 10_000_000) {
                throw new IOException("corrupt model: " + count + " examples");
            }
            if (count > 0) {
                int embeddingK = data.readInt();
                int textK = data.readInt();
                double embeddingWeight = data.readDouble();
                double textWeight = data.readDouble();
                boolean withEmbeddings = data.readBoolean();
                if (embeddingK < 1 || textK < 1 || embeddingK > 1000 || textK > 1000
                        || withEmbeddings && encoderWeight <= 0) {
                    throw new IOException("corrupt model: bad neighbour settings");
                }
                int[] label = new int[count];
                String[] text = new String[count];
                float[][] embedding = withEmbeddings ? new float[count][SentenceEncoder.DIMENSION] : null;
                for (int i = 0; i < count; i++) {
                    label[i] = data.readInt();
                    if (label[i] < 0 || label[i] >= classes) {
                        throw new IOException("corrupt model: example label " + label[i]);
                    }
                    int length = data.readInt();
                    if (length < 0 || length > 1 << 20) {
                        throw new IOException("corrupt model: example of " + length + " bytes");
                    }
                    byte[] utf8 = new byte[length];
                    data.readFully(utf8);
                    text[i] = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
                    if (withEmbeddings) {
                        for (int j = 0; j < SentenceEncoder.DIMENSION; j++) {
                            embedding[i][j] = data.readFloat();
                        }
                    }
                }
                examples = new Examples(embeddingK, textK, embeddingWeight, textWeight, label, text, embedding);
            }
        }
        return new IntentModel(features, encoderWeight, labels, weights, temperature, confidence, outOfScope, fourier,
                fourierWeight, examples);
    }
}
