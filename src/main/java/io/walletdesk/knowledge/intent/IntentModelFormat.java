package io.walletdesk.knowledge.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The stored form of an {@link IntentModel}: deflated, big-endian, versioned. Format 1: no sentence embedding;
 * 2: + the embedding; 3: + nearest-neighbour examples. Format 3 also has a block of random Fourier features
 * (count, gamma, weight), an experiment that was never switched on: this build writes it empty and refuses a
 * model that uses it, since its weights cannot be applied without them.
 */
final class IntentModelFormat {

    private static final int MAGIC = 0x5744494D; // "WDIM"
    private static final int VERSION = 3;

    private IntentModelFormat() {
    }

    /** The oldest format that holds the model (2 without neighbours), so older builds can read it too. */
    static int versionFor(IntentModel model) {
        return model.examples() == null ? 2 : VERSION;
    }

    /** Writes the model; does not close the stream. */
    static void write(IntentModel model, OutputStream out) throws IOException {
        DeflaterOutputStream deflater = new DeflaterOutputStream(out);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(deflater, 1 << 16));
        int version = versionFor(model);
        String[] labels = model.labels();
        float encoderWeight = model.encoderWeight();
        data.writeInt(MAGIC);
        data.writeInt(version);
        data.writeInt(labels.length);
        for (String label : labels) {
            data.writeUTF(label);
        }
        model.features().write(data);
        data.writeUTF(encoderWeight > 0 ? SentenceEncoder.NAME : "");
        data.writeFloat(encoderWeight);
        data.writeDouble(model.temperature());
        data.writeDouble(model.confidenceThreshold());
        data.writeDouble(model.rawOutOfScopeThreshold());
        if (version >= 3) {
            // no random Fourier features: count, gamma, weight
            data.writeInt(0);
            data.writeDouble(0);
            data.writeFloat(0f);
        }
        float[] weights = model.weights();
        data.writeInt(weights.length);
        for (float w : weights) {
            data.writeFloat(w);
        }
        NeighbourExamples examples = model.examples();
        if (version >= 3) {
            data.writeInt(examples == null ? 0 : examples.label().length);
        }
        if (examples != null) {
            writeExamples(examples, data);
        }
        data.flush();
        deflater.finish();
    }

    private static void writeExamples(NeighbourExamples examples, DataOutputStream data) throws IOException {
        data.writeInt(examples.embeddingK());
        data.writeInt(examples.textK());
        data.writeDouble(examples.embeddingWeight());
        data.writeDouble(examples.textWeight());
        data.writeBoolean(examples.embedding() != null);
        for (int i = 0; i < examples.label().length; i++) {
            data.writeInt(examples.label()[i]);
            byte[] utf8 = examples.text()[i].getBytes(StandardCharsets.UTF_8);
            data.writeInt(utf8.length);
            data.write(utf8);
            if (examples.embedding() != null) {
                for (float v : examples.embedding()[i]) {
                    data.writeFloat(v);
                }
            }
        }
    }

    /**
     * Reads a model written by {@link #write}; does not close the stream.
     *
     * @throws IOException when the data is not a model this build can read
     */
    static IntentModel read(InputStream in) throws IOException {
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
        if (version >= 3) {
            int fourierCount = data.readInt();
            data.readDouble(); // gamma
            data.readFloat(); // weight
            if (fourierCount < 0 || fourierCount > 1 << 16) {
                throw new IOException("corrupt model: " + fourierCount + " random Fourier features");
            }
            // without the embedding the features were never used, so such a model reads as before
            if (fourierCount > 0 && encoderWeight > 0) {
                throw new IOException("the model uses random Fourier features, which this build no longer has;"
                        + " build it again");
            }
        }
        int n = data.readInt();
        if (n != (IntentModel.dimension(features, encoderWeight) + 1) * classes) {
            throw new IOException("corrupt model: " + n + " weights");
        }
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = data.readFloat();
        }
        NeighbourExamples examples = null;
        if (version >= 3) {
            int count = data.readInt();
            if (count < 0 || count > 10_000_000) {
                throw new IOException("corrupt model: " + count + " examples");
            }
            if (count > 0) {
                examples = readExamples(data, count, classes, encoderWeight);
            }
        }
        return new IntentModel(features, encoderWeight, labels, weights, temperature, confidence, outOfScope,
                examples);
    }

    private static NeighbourExamples readExamples(DataInputStream data, int count, int classes, float encoderWeight)
            throws IOException {
        int embeddingK = data.readInt();
        int textK = data.readInt();
        double embeddingWeight = data.readDouble();
        double textWeight = data.readDouble();
        boolean withEmbeddings = data.readBoolean();
        if (embeddingK < 1 || textK < 1 || embeddingK > 1000 || textK > 1000 || withEmbeddings && encoderWeight <= 0) {
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
            text[i] = new String(utf8, StandardCharsets.UTF_8);
            if (withEmbeddings) {
                for (int j = 0; j < SentenceEncoder.DIMENSION; j++) {
                    embedding[i][j] = data.readFloat();
                }
            }
        }
        return new NeighbourExamples(embeddingK, textK, embeddingWeight, textWeight, label, text, embedding);
    }
}
