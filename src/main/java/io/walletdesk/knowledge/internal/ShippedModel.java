package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.intent.IntentModel;
import io.walletdesk.knowledge.intent.LabeledTextCsv;
import io.walletdesk.shared.crypto.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The intent model built from the shipped phrases ahead of time ({@code knowledge/intent-model.bin}, trained by
 * the build: {@link ShippedModelBuilder}), so a node loads it in well under a second instead of training for ten.
 * It is used only while its recorded digest matches the phrase files on the class path; otherwise (a build that
 * skipped it) the model is trained at start-up.
 */
final class ShippedModel {

    static final String MODEL = "knowledge/intent-model.bin";
    static final String DIGEST = "knowledge/intent-model.sha256";
    static final List<String> PHRASES = List.of("en.csv", "id.csv", "zh-CN.csv");

    private ShippedModel() {
    }

    /** SHA-256 over the three phrase files, in a fixed order. */
    static String phrasesDigest() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String file : PHRASES) {
            all.writeBytes(read("knowledge/intents/" + file).orElseThrow(
                    () -> new IllegalStateException("missing phrase file knowledge/intents/" + file)));
        }
        return Digests.sha256(all.toByteArray());
    }

    /** How many phrases the shipped model is trained on. */
    static int phraseCount() {
        int count = 0;
        for (String file : PHRASES) {
            byte[] bytes = read("knowledge/intents/" + file).orElseThrow();
            try {
                count += LabeledTextCsv.read(new ByteArrayInputStream(bytes), file).size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return count;
    }

    static Optional<String> recordedDigest() {
        return read(DIGEST).map(bytes -> new String(bytes, StandardCharsets.US_ASCII).strip());
    }

    /** The prebuilt model when it was built from exactly the phrases shipped now. */
    static Optional<IntentModel> prebuilt() {
        if (!recordedDigest().map(phrasesDigest()::equals).orElse(false)) {
            return Optional.empty();
        }
        return read(MODEL).map(bytes -> {
            try {
                return IntentModel.read(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = ShippedModel.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
