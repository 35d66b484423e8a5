package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.intent.IntentModel;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the shipped intent model from the phrase files into the build's class output (run by the Maven build
 * in {@code process-classes}, see pom.xml), so the repository holds the phrases and not a 7 MB derived file.
 * Nothing is trained when the output already matches the phrases.
 */
final class ShippedModelBuilder {

    private ShippedModelBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "target/classes");
        String digest = ShippedModel.phrasesDigest();
        Path model = output.resolve(ShippedModel.MODEL);
        Path recorded = output.resolve(ShippedModel.DIGEST);
        Optional<String> built = Files.isRegularFile(model) && Files.isRegularFile(recorded)
                ? Optional.of(Files.readString(recorded).strip()) : Optional.empty();
        if (built.filter(digest::equals).isPresent()) {
            System.out.printf("%s is up to date (%s)%n", ShippedModel.MODEL, digest);
            return;
        }
        long started = System.nanoTime();
        IntentModel trained = IntentModel.shipped();
        Files.createDirectories(model.getParent());
        Path partial = model.resolveSibling(model.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            trained.write(out);
        }
        Files.move(partial, model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(recorded, digest + "\n");
        System.out.printf("built %s from %d phrases (%s) in %d ms%n", ShippedModel.MODEL, ShippedModel.phraseCount(),
                digest, (System.nanoTime() - started) / 1_000_000);
    }
}
