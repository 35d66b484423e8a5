package io.walletdesk.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(CsvExport.cell("Kopi Nusantara")).isEqualTo("\"Kopi Nusantara\"");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(CsvExport.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvExport.cell(null)).isEmpty();
    }
}
