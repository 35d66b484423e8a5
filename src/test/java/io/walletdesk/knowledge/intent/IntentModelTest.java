package io.walletdesk.knowledge.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training, prediction, out-of-scope, determinism and storage of the intent model on a small multilingual set. */
class IntentModelTest {

    static List<LabeledText> phrases;
    static IntentModel model;

    @BeforeAll
    static void train() throws IOException {
        phrases = testPhrases();
        model = IntentModel.train(phrases);
    }

    static List<LabeledText> testPhrases() throws IOException {
        try (InputStream in = IntentModelTest.class.getResourceAsStream("/knowledge/intent-test/phrases.csv")) {
            return LabeledTextCsv.read(in, "phrases.csv");
        }
    }

    @Test
    void recognisesNewWordingsInEnglishIndonesianAndChinese() {
        assertThat(model.predict("my top-up keeps failing").intent()).isEqualTo("topup_failed");
        assertThat(model.predict("I can't remember the PIN of my wallet").intent()).isEqualTo("forgot_pin");
        assertThat(model.predict("kapan uang refund saya masuk").intent()).isEqualTo("refund");
        assertThat(model.predict("tolong sambungkan saya ke CS manusia").intent()).isEqualTo("human_agent");
        assertThat(model.predict("客服周日几点上班").intent()).isEqualTo("service_hours");
        assertThat(model.predict("充值为什么失败").intent()).isEqualTo("topup_failed");
    }

    @Test
    void ranksEveryIntentWithProbabilitiesThatSumToOne() {
        Prediction p = model.predict("I forgot my pin");
        assertThat(p.ranked()).hasSize(model.intents().size());
        assertThat(p.ranked().stream().mapToDouble(IntentScore::probability).sum()).isCloseTo(1.0,
                Offset.offset(1e-9));
        assertThat(p.top().probability()).isGreaterThanOrEqualTo(p.second().probability());
        assertThat(p.intent()).isEqualTo(p.top().intent());
        assertThat(p.probability()).isEqualTo(p.top().probability());
        assertThat(p.confident()).isEqualTo(p.probability() >= model.confidenceThreshold());
    }

    @Test
    void unrelatedQuestionsAreOutOfScope() {
        assertThat(model.predict("what will the weather be like on Saturday").intent())
                .isEqualTo(IntentModel.OUT_OF_SCOPE);
        assertThat(model.predict("rekomendasi film horor yang bagus").intent()).isEqualTo(IntentModel.OUT_OF_SCOPE);
        assertThat(model.predict("今天天气怎么样").intent()).isEqualTo(IntentModel.OUT_OF_SCOPE);
        assertThat(model.outOfScopeThreshold()).isBetween(0.0, model.confidenceThreshold());
    }

    @Test
    void emptyOrUnknownTextDoesNotBreakPrediction() {
        assertThat(model.predict("").ranked()).hasSize(model.intents().size());
        assertThat(model.predict("zzzq xxyv").ranked()).hasSize(model.intents().size());
    }

    @Test
    void sameExamplesInAnyOrderGiveTheSameModel() throws IOException {
        List<LabeledText> shuffled = new ArrayList<>(phrases);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(bytes(IntentModel.train(shuffled))).isEqualTo(bytes(model));
    }

    @Test
    void storedModelPredictsExactlyTheSame() throws IOException {
        IntentModel loaded = IntentModel.read(new ByteArrayInputStream(bytes(model)));
        assertThat(loaded.intents()).isEqualTo(model.intents());
        assertThat(loaded.confidenceThreshold()).isEqualTo(model.confidenceThreshold());
        for (String text : List.of("my top up failed again", "lupa pin", "我要退款", "tell me a story", "")) {
            assertThat(loaded.predict(text)).isEqualTo(model.predict(text));
        }
    }

    @Test
    void rejectsWhatIsNotAModel() {
        assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
                .isInstanceOf(IOException.class);
    }

    @Test
    void rejectsAFormatNewerThanThisBuildCleanly() throws IOException {
        byte[] future = withVersion(bytes(model), 99);
        assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(future)))
                .isInstanceOf(IOException.class).hasMessageContaining("format 99 is not supported");
    }

    @Test
    void storesNeighboursInFormat3AndReadsThemBack() throws IOException {
        IntentModel withNeighbours = IntentTraining.train(phrases, TrainingOptions.DEFAULT.withNeighbourWeights(2, 1));
        assertThat(withNeighbours.formatVersion()).isEqualTo(3);
        byte[] stored = bytes(withNeighbours);
        assertThat(versionOf(stored)).isEqualTo(3);
        IntentModel loaded = IntentModel.read(new ByteArrayInputStream(stored));
        assertThat(bytes(loaded)).isEqualTo(stored);
        for (String text : List.of("my top up failed again", "lupa pin", "我要退款", "tell me a story", "")) {
            assertThat(loaded.predict(text)).isEqualTo(withNeighbours.predict(text));
        }
    }

    @Test
    void rejectsAModelWithRandomFourierFeaturesCleanly() throws IOException {
        // the header of a format-3 model of an earlier build that switched the random Fourier features on
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(new DeflaterOutputStream(out))) {
            data.writeInt(0x5744494D);
            data.writeInt(3);
            data.writeInt(2);
            data.writeUTF("a");
            data.writeUTF("b");
            TextFeatures.fit(List.of("top up", "forgot pin"), TextFeatures.Options.DEFAULT).write(data);
            data.writeUTF(SentenceEncoder.NAME);
            data.writeFloat(0.8f);
            data.writeDouble(0.2);
            data.writeDouble(0.5);
            data.writeDouble(0.0);
            data.writeInt(1024);
            data.writeDouble(1.0);
            data.writeFloat(1.5f);
        }
        assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("random Fourier features");
    }

    @Test
    void aModelWithoutTheFormat3ExtrasIsStoredInFormat2AndReadsBack() throws IOException {
        IntentModel plain = IntentTraining.train(phrases, TrainingOptions.DEFAULT.withoutExtras());
        assertThat(plain.formatVersion()).isEqualTo(2);
        byte[] stored = bytes(plain);
        assertThat(versionOf(stored)).isEqualTo(2);
        IntentModel loaded = IntentModel.read(new ByteArrayInputStream(stored));
        for (String text : List.of("my top up failed again", "lupa pin", "我要退款", "tell me a story", "")) {
            assertThat(loaded.predict(text)).isEqualTo(plain.predict(text));
        }
    }

    @Test
    void needsAtLeastTwoIntents() {
        assertThatThrownBy(() -> IntentModel.train(List.of(new LabeledText("hello", "greeting"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two intents");
    }

    @Test
    void worksWithoutOutOfScopeLabel() {
        List<LabeledText> inScope = phrases.stream().filter(e -> !e.label().equals(IntentModel.OUT_OF_SCOPE)).toList();
        IntentModel small = IntentModel.train(inScope);
        assertThat(small.intents()).doesNotContain(IntentModel.OUT_OF_SCOPE);
        assertThat(small.outOfScopeThreshold()).isZero();
        assertThat(small.predict("what is the weather tomorrow").intent()).isNotEqualTo(IntentModel.OUT_OF_SCOPE);
    }

    private static int versionOf(byte[] stored) throws IOException {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(stored)))) {
            in.readInt();
            return in.readInt();
        }
    }

    private static byte[] withVersion(byte[] stored, int version) throws IOException {
        byte[] raw;
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(stored))) {
            raw = in.readAllBytes();
        }
        ByteBuffer.wrap(raw).putInt(4, version);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(raw);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(IntentModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }
}
