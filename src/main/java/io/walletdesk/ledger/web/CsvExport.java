package io.walletdesk.ledger.web;

import io.walletdesk.ledger.internal.TransactionView;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The history as CSV, safe to open in a spreadsheet (no formula injection). */
final class CsvExport {

    private CsvExport() {
    }

    static ResponseEntity<String> response(List<TransactionView> transactions, long viewer, TransactionPresenter presenter,
            Locale locale) {
        StringBuilder csv = new StringBuilder("\uFEFFid,created_at,kind,status,amount_idr,fee_idr,counterparty,note,reason\r\n");
        for (TransactionView t : transactions) {
            csv.append(t.id()).append(',')
                    .append(DateTimeFormatter.ISO_INSTANT.format(t.createdAt())).append(',')
                    .append(cell(presenter.kind(t, locale))).append(',')
                    .append(cell(presenter.status(t, locale))).append(',')
                    .append(t.signedAmountFor(viewer)).append(',')
                    .append(t.fee()).append(',')
                    .append(cell(t.otherPartyFor(viewer))).append(',')
                    .append(cell(t.note())).append(',')
                    .append(cell(presenter.explanation(t, locale))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("walletdesk-transactions.csv").build().toString())
                .body(csv.toString());
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
