package io.walletdesk.reporting.internal;

import io.walletdesk.shared.text.CsvFiles;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report as a CSV download, written by {@link CsvFiles} (so team names and intents, typed by people, cannot
 * run as formulas). Averages and percentages carry two decimals.
 */
final class Csv {

    private final CsvFiles.Table table = new CsvFiles.Table();

    Csv row(Object... cells) {
        Object[] values = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = value(cells[i]);
        }
        table.row(values);
        return this;
    }

    static String cell(Object value) {
        return CsvFiles.cell(value(value));
    }

    private static Object value(Object value) {
        if (value instanceof Double d) {
            String twoDecimals = String.format(Locale.ROOT, "%.2f", d);
            return Double.isFinite(d) ? new BigDecimal(twoDecimals) : twoDecimals;
        }
        return value;
    }

    ResponseEntity<byte[]> download(String report, LocalDate from, LocalDate to) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("walletdesk-" + report + "-" + from + "-" + to + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(table.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
