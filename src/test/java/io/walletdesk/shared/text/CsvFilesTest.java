package io.walletdesk.shared.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV dialect: RFC 4180 out and in, and one formula-injection guard for text cells. */
class CsvFilesTest {

    @Test
    void textThatASpreadsheetWouldRunGetsAnApostropheNumbersDoNot() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvFiles.defused(formula)).isEqualTo("'" + formula);
        }
        assertThat(CsvFiles.defused("Kopi Nusantara")).isEqualTo("Kopi Nusantara");
        assertThat(CsvFiles.defused("")).isEmpty();
        assertThat(new CsvFiles.Table().row(-25000L, "-25000", 2.5, null).toString()).isEqualTo("-25000,'-25000,2.5,\r\n");
    }

    @Test
    void quotesOnlyWhereNeededWithCrlfLineEnds() {
        String csv = new CsvFiles.Table().row("a", "b, c").row("say \"hi\"", "line\nbreak").toString();
        assertThat(csv).isEqualTo("a,\"b, c\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
    }

    @Test
    void readsWhatItWritesAndSaysWhereInputIsBroken() throws IOException {
        String csv = new CsvFiles.Table().row("text", "category").row("two\nlines", "=x").row("", "").toString();
        List<CsvFiles.Row> rows = CsvFiles.read(new StringReader(csv), "t.csv");
        assertThat(rows).extracting(CsvFiles.Row::line).containsExactly(1L, 2L, 4L);
        assertThat(rows.get(1).cells()).containsExactly("two\nlines", "'=x");
        assertThatThrownBy(() -> CsvFiles.read(new StringReader("a,b\n\"open,c\n"), "t.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("t.csv:2: unterminated");
        assertThatThrownBy(() -> CsvFiles.read(new StringReader("a,b\n\"closed\"x,c\n"), "t.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("t.csv:2: malformed");
    }
}
