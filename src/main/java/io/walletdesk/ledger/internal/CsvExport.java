package io.walletdesk.ledger.internal;

import io.walletdesk.shared.text.CsvFiles;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The history as CSV ({@link CsvFiles}: safe to open in a spreadsheet), with a byte order mark for Excel. */
final class CsvExport {

    private CsvExport() {
    }

    static ResponseEntity<String> response(List<TransactionView> transactions, long viewer, TransactionPresenter presenter,
            Locale locale) {
        CsvFiles.Table csv = new CsvFiles.Table()
                .row("id", "created_at", "kind", "status", "amount_idr", "fee_idr", "counterparty", "note", "reason");
        for (TransactionView t : transactions) {
            csv.row(t.id(), DateTimeFormatter.ISO_INSTANT.format(t.createdAt()), presenter.kind(t, locale),
                    presenter.status(t, locale), t.signedAmountFor(viewer), t.customerFee(), t.otherPartyFor(viewer), t.note(),
                    presenter.explanation(t, locale));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("walletdesk-transactions.csv").build().toString())
                .body("\uFEFF" + csv);
    }

    static String cell(String value) {
        return CsvFiles.cell(value);
    }
}
