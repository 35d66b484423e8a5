package io.walletdesk.knowledge.intent;

import io.walletdesk.shared.text.CsvFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled examples from UTF-8 CSV files with a header row naming the columns {@code text} and
 * {@code category} (in any order; other columns are ignored), read as RFC 4180 by {@link CsvFiles}: fields may be
 * enclosed in double quotes, a quote inside such a field is doubled, and quoted fields may span lines.
 * Rows whose text is blank are skipped.
 */
public final class LabeledTextCsv {

    private LabeledTextCsv() {
    }

    /** Reads a CSV file. */
    public static List<LabeledText> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads CSV from a stream (UTF-8). {@code source} only names the input in error messages.
     *
     * @throws IllegalArgumentException when the header lacks a column or a row is malformed
     */
    public static List<LabeledText> read(InputStream in, String source) throws IOException {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    static List<LabeledText> parse(Reader reader, String source) throws IOException {
        List<CsvFiles.Row> rows = CsvFiles.read(reader, source);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty file, expected a header 'text,category'");
        }
        List<String> header = rows.get(0).cells();
        int textColumn = -1;
        int labelColumn = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // byte order mark written by some spreadsheet tools
            }
            if (name.equals("text") && textColumn < 0) {
                textColumn = i;
            } else if (name.equals("category") && labelColumn < 0) {
                labelColumn = i;
            }
        }
        if (textColumn < 0 || labelColumn < 0) {
            throw new IllegalArgumentException(source + ": the header must name the columns 'text' and 'category', was "
                    + header);
        }
        List<LabeledText> examples = new ArrayList<>();
        for (CsvFiles.Row row : rows.subList(1, rows.size())) {
            List<String> cells = row.cells();
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue; // empty line
            }
            int needed = Math.max(textColumn, labelColumn) + 1;
            if (cells.size() < needed) {
                throw new IllegalArgumentException(source + ":" + row.line() + ": expected at least "
                        + needed + " fields, found " + cells.size());
            }
            String text = cells.get(textColumn);
            String label = cells.get(labelColumn).strip();
            if (text.isBlank()) {
                continue;
            }
            if (label.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + row.line() + ": empty category");
            }
            examples.add(new LabeledText(text, label));
        }
        return examples;
    }
}
