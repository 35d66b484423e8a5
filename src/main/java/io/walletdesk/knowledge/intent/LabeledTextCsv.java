package io.walletdesk.knowledge.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled examples from UTF-8 CSV files with a header row naming the columns {@code text} and
 * {@code category} (in any order; other columns are ignored). Quoting follows RFC 4180: fields may be
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
        RecordReader records = new RecordReader(reader, source);
        List<String> header = records.next();
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file, expected a header 'text,category'");
        }
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
        List<String> row;
        while ((row = records.next()) != null) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue; // empty line
            }
            int needed = Math.max(textColumn, labelColumn) + 1;
            if (row.size() < needed) {
                throw new IllegalArgumentException(source + ":" + records.recordLine() + ": expected at least "
                        + needed + " fields, found " + row.size());
            }
            String text = row.get(textColumn);
            String label = row.get(labelColumn).strip();
            if (text.isBlank()) {
                continue;
            }
            if (label.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + records.recordLine() + ": empty category");
            }
            examples.add(new LabeledText(text, label));
        }
        return examples;
    }

    /** Splits the input into records of fields (RFC 4180), tracking line numbers for error messages. */
    private static final class RecordReader {
        private final Reader in;
        private final String source;
        private int line = 1;
        private int recordLine;
        private int pushedBack = -2;

        RecordReader(Reader in, String source) {
            this.in = in;
            this.source = source;
        }

        int recordLine() {
            return recordLine;
        }

        private int read() {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            try {
                return in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next record, or null at the end of the input. */
        List<String> next() throws IOException {
            recordLine = line;
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false; // a quoted field was closed; only a separator may follow
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IllegalArgumentException(source + ":" + recordLine + ": unterminated quoted field");
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                            c = n;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            pushedBack = n;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (c == '"' && field.length() == 0 && !afterQuote) {
                    quoted = true;
                } else if (afterQuote) {
                    throw new IllegalArgumentException(source + ":" + recordLine
                            + ": unexpected character after a closing quote");
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }
}
