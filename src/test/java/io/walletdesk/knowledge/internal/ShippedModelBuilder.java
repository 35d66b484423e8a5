package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.intent.IntentModel;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the prebuilt shipped intent model into src/main/resources (run by bench/build-intent-model.sh). */
public final class ShippedModelBuilder {

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/main/resources");
        long started = System.nanoTime();
        IntentModel model = IntentModel.shipped();
        try (OutputStream out = Files.newOutputStream(resources.resolve(ShippedModel.MODEL))) {
            model.write(out);
        }
        Files.writeString(resources.resolve(ShippedModel.DIGEST), ShippedModel.phrasesDigest() + "\n");
        System.out.printf("built %s from %s in %d ms%n", ShippedModel.MODEL, ShippedModel.phrasesDigest(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
