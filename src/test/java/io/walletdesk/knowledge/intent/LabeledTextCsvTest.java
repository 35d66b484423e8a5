package io.walletdesk.knowledge.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 reading of {@code text,category} files. */
class LabeledTextCsvTest {

    private static List<LabeledText> parse(String csv) throws IOException {
        return LabeledTextCsv.parse(new StringReader(csv), "test.csv");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        List<LabeledText> rows = parse("text,category\r\n"
                + "\"my top up, from BCA, failed\",topup_failed\r\n"
                + "\"she said \"\"refund\"\" twice\",refund\r\n"
                + "\"line one\nline two\",complaint\r\n"
                + "plain text,\"human_agent\"\n"
                + "\"\",refund\n" // blank text: skipped
                + "充值失败,topup_failed");
        assertThat(rows).containsExactly(
                new LabeledText("my top up, from BCA, failed", "topup_failed"),
                new LabeledText("she said \"refund\" twice", "refund"),
                new LabeledText("line one\nline two", "complaint"),
                new LabeledText("plain text", "human_agent"),
                new LabeledText("充值失败", "topup_failed"));
    }

    @Test
    void findsColumnsByNameAndIgnoresOthers() throws IOException {
        List<LabeledText> rows = parse("\uFEFFid,Category,lang,Text\n1,refund,en,give me my money back\n\n2,forgot_pin,id,lupa pin\n");
        assertThat(rows).containsExactly(new LabeledText("give me my money back", "refund"),
                new LabeledText("lupa pin", "forgot_pin"));
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> parse("text,label\nhello,greeting\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'text' and 'category'");
        assertThatThrownBy(() -> parse("text,category\n\"never closed,refund\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.csv:2")
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> parse("text,category\nok,refund\nno category here\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.csv:3");
        assertThatThrownBy(() -> parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
