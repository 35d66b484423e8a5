package io.walletdesk.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code ---}-delimited {@code key: value} header of a shipped article file, and the Markdown after it. */
record FrontMatter(Map<String, String> fields, String body) {

    static FrontMatter parse(String text) {
        String normalised = text.replace("\r\n", "\n");
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        if (!normalised.startsWith("---\n")) {
            throw new IllegalArgumentException("article file has no front matter");
        }
        int end = normalised.indexOf("\n---", 4);
        if (end < 0) {
            throw new IllegalArgumentException("front matter is not closed");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : normalised.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        unquote(line.substring(colon + 1).strip()));
            }
        }
        int bodyStart = normalised.indexOf('\n', end + 4);
        String body = bodyStart < 0 ? "" : normalised.substring(bodyStart + 1).strip();
        return new FrontMatter(fields, body);
    }

    private static String unquote(String value) {
        String v = value;
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.strip();
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
