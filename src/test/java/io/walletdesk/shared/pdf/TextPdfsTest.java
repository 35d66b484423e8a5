package io.walletdesk.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** Transcripts and letters as PDF: readable text in Bahasa Indonesia, English and Chinese, wrapped over pages. */
class TextPdfsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void indonesianEnglishAndChineseTextCanBeReadBackFromThePdf() throws IOException {
        TextPdfs pdfs = new TextPdfs(CLOCK, new DefaultResourceLoader(), "classpath:fonts/DroidSansFallbackFull.ttf");
        assertThat(pdfs.showsCjk()).isTrue();
        byte[] pdf = pdfs.render("WalletDesk WD-10001", List.of(
                new TextPdfs.Section("Sari Wulandari · 2026-11-27 10:00 WIB", "Saldo saya belum masuk setelah top-up Rp150.000, tolong dicek."),
                new TextPdfs.Section("Agent Bima", "We're checking it – thanks for waiting…"),
                new TextPdfs.Section("王小明", "我的转账失败了，钱什么时候退回？")));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("WalletDesk WD-10001", "Saldo saya belum masuk setelah top-up Rp150.000, tolong dicek.",
                "We're checking it – thanks for waiting…", "我的转账失败了，钱什么时候退回？", "王小明", "1 / 1");
    }

    @Test
    void withoutACjkFontChineseBecomesQuestionMarksAndLatinTextStaysReadable() throws IOException {
        TextPdfs pdfs = new TextPdfs(CLOCK, new DefaultResourceLoader(), "");
        assertThat(pdfs.showsCjk()).isFalse();
        String text = text(pdfs.render("WD-10002", List.of(new TextPdfs.Section(null, "Transfer gagal 转账 ✓ selesai"))));
        assertThat(text).contains("Transfer gagal ?? ? selesai");
        TextPdfs missing = new TextPdfs(CLOCK, new DefaultResourceLoader(), "classpath:fonts/no-such-font.ttf");
        assertThat(missing.showsCjk()).isFalse();
        assertThat(text(missing.render("WD-10003", List.of(new TextPdfs.Section(null, "中文 ok"))))).contains("?? ok");
    }

    @Test
    void longTextWrapsWithinThePageAndFlowsOntoNewPages() throws IOException {
        TextPdfs pdfs = new TextPdfs(CLOCK, new DefaultResourceLoader(), "classpath:fonts/DroidSansFallbackFull.ttf");
        String sentence = "Pembayaran ke merchant KOPI-NUSANTARA gagal tetapi saldo sudah terpotong. ";
        String chinese = "余额已经扣除但是付款失败了".repeat(12);
        String word = "x".repeat(300);
        List<TextPdfs.Section> sections = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sections.add(new TextPdfs.Section("Pesan " + i, sentence.repeat(3) + "\n" + chinese + "\n" + word));
        }
        byte[] pdf = pdfs.render("WD-10004", sections);
        assertThat(pages(pdf)).isGreaterThan(5);
        String text = text(pdf);
        assertThat(text).contains("Pesan 59", "KOPI-NUSANTARA", "余额已经扣除");
        // Every line fits the page: nothing was cut, so all of the long word's letters are there.
        assertThat(text.replaceAll("[^x]", "").length()).isGreaterThanOrEqualTo(60 * 300);
    }
}
