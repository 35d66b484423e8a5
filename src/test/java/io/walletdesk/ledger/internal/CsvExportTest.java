package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        // quoted only where RFC 4180 needs it, as in every other export (this one used to quote every text cell)
        assertThat(CsvExport.cell("Kopi Nusantara")).isEqualTo("Kopi Nusantara");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(CsvExport.cell("+1")).isEqualTo("'+1");
        assertThat(CsvExport.cell(null)).isEmpty();
    }
}
