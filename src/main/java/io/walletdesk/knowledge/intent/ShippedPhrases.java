package io.walletdesk.knowledge.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The product's phrase files, one per language, on the class path under {@code knowledge/intents/}. */
final class ShippedPhrases {

    static final String LOCATION = "knowledge/intents/";
    static final List<String> FILES = List.of("en.csv", "id.csv", "zh-CN.csv");

    private ShippedPhrases() {
    }

    static List<LabeledText> fromClassPath() {
        List<LabeledText> all = new ArrayList<>();
        byFileFromClassPath().values().forEach(all::addAll);
        return all;
    }

    /** File name to examples, in the order of {@link #FILES}. */
    static Map<String, List<LabeledText>> byFileFromClassPath() {
        Map<String, List<LabeledText>> files = new LinkedHashMap<>();
        ClassLoader loader = ShippedPhrases.class.getClassLoader();
        for (String name : FILES) {
            try (InputStream in = loader.getResourceAsStream(LOCATION + name)) {
                if (in == null) {
                    throw new IllegalStateException("intent phrase file " + LOCATION + name + " is not on the class path");
                }
                files.put(name, LabeledTextCsv.read(in, LOCATION + name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The same files read from a folder (for measuring phrases that are not built into the jar yet). */
    static Map<String, List<LabeledText>> byFileFromDirectory(Path dir) throws IOException {
        Map<String, List<LabeledText>> files = new LinkedHashMap<>();
        for (String name : FILES) {
            files.put(name, LabeledTextCsv.read(dir.resolve(name)));
        }
        return files;
    }
}
