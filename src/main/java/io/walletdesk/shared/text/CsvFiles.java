package io.walletdesk.shared.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * The one way WalletDesk writes and reads CSV: RFC 4180 (comma, double quotes only where needed, CRLF line
 * ends, UTF-8 by the caller). Every text cell written passes one formula-injection guard, because every export
 * holds text people typed and is opened in spreadsheets.
 */
public final class CsvFiles {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

    /** First characters that make a spreadsheet evaluate a cell (OWASP "CSV injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvFiles() {
    }

    /**
     * Text a spreadsheet would run as a formula gets a leading apostrophe, which spreadsheets show as text
     * (the OWASP advice). Numbers are written as they are: a negative amount is not a formula.
     */
    public static String defused(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** One cell as it appears in a file: defused and quoted where needed; {@code null} is empty. */
    public static String cell(Object value) {
        return value == null ? "" : FORMAT.format(safe(value));
    }

    private static Object safe(Object value) {
        return value == null || value instanceof Number ? value : defused(value.toString());
    }

    /** Rows written to text, one call per row. */
    public static final class Table {

        private final StringBuilder text = new StringBuilder();
        private final CSVPrinter printer;

        public Table() {
            try {
                printer = new CSVPrinter(text, FORMAT);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }

        public Table row(Object... cells) {
            Object[] safe = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                safe[i] = safe(cells[i]);
            }
            try {
                printer.printRecord(safe);
            } catch (IOException impossible) { // a StringBuilder does not fail
                throw new UncheckedIOException(impossible);
            }
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** One record read, with the line it starts on (for messages that say where the input is wrong). */
    public record Row(long line, List<String> cells) {
    }

    /**
     * Reads all records. Quoted fields may hold commas, doubled quotes and line breaks; an empty line is a
     * record with one empty cell.
     *
     * @throws IllegalArgumentException naming {@code source} and the line when the input is malformed
     */
    public static List<Row> read(Reader in, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        return rows;
                    }
                } catch (UncheckedIOException malformed) {
                    String problem = String.valueOf(malformed.getCause().getMessage());
                    throw new IllegalArgumentException(source + ":" + line + ": "
                            + (problem.contains("EOF reached before encapsulated token finished")
                                    ? "unterminated quoted field" : "malformed record (" + problem + ")"), malformed);
                }
                rows.add(new Row(line, records.next().toList()));
            }
        }
    }
}
