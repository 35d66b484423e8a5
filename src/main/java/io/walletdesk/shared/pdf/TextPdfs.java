package io.walletdesk.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Plain, readable text documents as PDF (transcripts, complaint letters) with Apache PDFBox, on A4 with
 * wrapped lines, page breaks and page numbers. Latin text (English, Bahasa Indonesia) uses the standard
 * Helvetica every PDF reader has; Chinese, Japanese and Korean characters use the font at
 * {@code walletdesk.pdf.cjk-font} (by default Droid Sans Fallback, shipped in the jar), embedded as a subset.
 * A character neither font can show is written as {@code ?}; with no CJK font configured (an empty
 * setting, or a font that cannot be read) that is the case for all CJK text, and the HTML transcript remains
 * the complete record.
 */
@Component
public class TextPdfs {

    private static final Logger log = LoggerFactory.getLogger(TextPdfs.class);

    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 15;
    private static final float TEXT_SIZE = 10;
    private static final float FOOTER_SIZE = 8;
    private static final float LEADING = 1.4f;

    private final Clock clock;
    private final ResourceLoader resources;
    private final String cjkFontLocation;
    private volatile byte[] cjkFont;
    private volatile boolean cjkFontTried;

    TextPdfs(Clock clock, ResourceLoader resources,
            @Value("${walletdesk.pdf.cjk-font:classpath:fonts/DroidSansFallbackFull.ttf}") String cjkFontLocation) {
        this.clock = clock;
        this.resources = resources;
        this.cjkFontLocation = cjkFontLocation == null ? "" : cjkFontLocation.strip();
    }

    /** A part of a document: an optional bold heading and its text (new lines are kept). */
    public record Section(String heading, String body) {
    }

    /** The document as PDF bytes: the title, then each section; the footer carries the title and page numbers. */
    public byte[] render(String title, List<Section> sections) {
        try (PDDocument document = new PDDocument(); Layout layout = new Layout(document)) {
            var info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("WalletDesk");
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            now.setTimeInMillis(clock.millis());
            info.setCreationDate(now);
            layout.paragraph(title, true, TITLE_SIZE);
            layout.space(TEXT_SIZE);
            for (Section section : sections) {
                if (section.heading() != null && !section.heading().isBlank()) {
                    layout.paragraph(section.heading(), true, TEXT_SIZE);
                }
                if (section.body() != null) {
                    layout.paragraph(section.body(), false, TEXT_SIZE);
                }
                layout.space(TEXT_SIZE * 0.8f);
            }
            layout.close();
            layout.footers(title);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF " + title, e);
        }
    }

    /** Whether Chinese, Japanese and Korean text is shown (a CJK font could be read), not replaced by '?'. */
    public boolean showsCjk() {
        return cjkFontBytes() != null;
    }

    private byte[] cjkFontBytes() {
        if (!cjkFontTried) {
            synchronized (this) {
                if (!cjkFontTried) {
                    cjkFont = readCjkFont();
                    cjkFontTried = true;
                }
            }
        }
        return cjkFont;
    }

    private byte[] readCjkFont() {
        if (cjkFontLocation.isEmpty()) {
            log.info("No CJK font configured: Chinese text in PDF transcripts is written as '?'");
            return null;
        }
        Resource resource = resources.getResource(cjkFontLocation);
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            new TTFParser().parse(new RandomAccessReadBuffer(bytes)).close(); // fail now, not in the middle of a PDF
            return bytes;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the CJK font {} ({}): Chinese text in PDF transcripts is written as '?'",
                    cjkFontLocation, e.toString());
            return null;
        }
    }

    /**
     * Code points Helvetica can show with WinAnsiEncoding (Latin-1 and a few typographic marks). Computed on
     * first use: PDFBox looks through the system's fonts the first time a standard font is created.
     */
    private static final class Latin {
        static final BitSet COVERED = latinCoverage();
    }

    private static BitSet latinCoverage() {
        BitSet covered = new BitSet();
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (int cp = 0x20; cp < 0x2200; cp++) {
            try {
                helvetica.encode(new String(Character.toChars(cp)));
                covered.set(cp);
            } catch (IllegalArgumentException | IOException notInWinAnsi) {
                // not shown by Helvetica
            }
        }
        return covered;
    }

    /** One character as it will be drawn, with the font that can show it. */
    private record Glyph(String text, PDFont font, boolean breakable, boolean space) {
    }

    /** Lays text out top to bottom, page after page. */
    private final class Layout implements AutoCloseable {

        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final Map<PDFont, Map<String, Float>> widths = new HashMap<>();
        private PDType0Font cjk;
        private CmapLookup cjkGlyphs;
        private boolean cjkLoaded;
        private PDPageContentStream out;
        private float y;

        Layout(PDDocument document) {
            this.document = document;
        }

        void space(float height) throws IOException {
            if (out != null) {
                y -= height;
            }
        }

        void paragraph(String text, boolean strong, float size) throws IOException {
            float maxWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
                List<Glyph> glyphs = glyphs(line, strong ? bold : regular);
                if (glyphs.isEmpty()) {
                    newLine(size);
                    continue;
                }
                for (List<Glyph> wrapped : wrap(glyphs, size, maxWidth)) {
                    newLine(size);
                    draw(out, wrapped, MARGIN, y, size);
                }
            }
        }

        void footers(String title) throws IOException {
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream footer = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    draw(footer, glyphs(title + "  ·  " + (i + 1) + " / " + total, regular), MARGIN, MARGIN / 2,
                            FOOTER_SIZE);
                }
            }
        }

        private void newLine(float size) throws IOException {
            float height = size * LEADING;
            if (out == null || y - height < MARGIN) {
                if (out != null) {
                    out.close();
                }
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                out = new PDPageContentStream(document, page);
                y = PDRectangle.A4.getHeight() - MARGIN;
            }
            y -= height;
        }

        private List<Glyph> glyphs(String text, PDType1Font latin) throws IOException {
            List<Glyph> glyphs = new ArrayList<>();
            for (int cp : text.codePoints().toArray()) {
                if (cp == '\t') {
                    cp = ' ';
                }
                if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                    continue; // zero-width and direction marks, control characters: nothing to show
                }
                String ch = new String(Character.toChars(cp));
                if (Latin.COVERED.get(cp)) {
                    glyphs.add(new Glyph(ch, latin, false, cp == ' '));
                } else if (cjk(cp)) {
                    glyphs.add(new Glyph(ch, cjk, true, false));
                } else {
                    glyphs.add(new Glyph("?", latin, false, false));
                }
            }
            return glyphs;
        }

        private boolean cjk(int cp) throws IOException {
            if (!cjkLoaded) {
                cjkLoaded = true;
                byte[] font = cjkFontBytes();
                if (font != null) {
                    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
                    cjk = PDType0Font.load(document, ttf, true); // subset: only the glyphs used are embedded
                    cjkGlyphs = ttf.getUnicodeCmapLookup();
                }
            }
            return cjkGlyphs != null && cjkGlyphs.getGlyphId(cp) > 0;
        }

        /** Greedy wrapping: breaks after spaces and around CJK characters, or anywhere in an over-long word. */
        private List<List<Glyph>> wrap(List<Glyph> glyphs, float size, float maxWidth) throws IOException {
            List<List<Glyph>> lines = new ArrayList<>();
            List<Glyph> line = new ArrayList<>();
            float width = 0;
            for (Glyph glyph : glyphs) {
                float w = width(glyph, size);
                if (width + w > maxWidth && !line.isEmpty()) {
                    if (glyph.space()) {
                        lines.add(trimmed(line));
                        line = new ArrayList<>();
                        width = 0;
                        continue;
                    }
                    int breakAt = lastBreak(line, glyph);
                    List<Glyph> rest = breakAt > 0 ? new ArrayList<>(line.subList(breakAt, line.size())) : new ArrayList<>();
                    lines.add(trimmed(breakAt > 0 ? line.subList(0, breakAt) : line));
                    while (!rest.isEmpty() && rest.get(0).space()) {
                        rest.remove(0);
                    }
                    line = rest;
                    width = 0;
                    for (Glyph kept : line) {
                        width += width(kept, size);
                    }
                }
                if (line.isEmpty() && glyph.space() && !lines.isEmpty()) {
                    continue; // no leading space on a wrapped line
                }
                line.add(glyph);
                width += w;
            }
            if (!line.isEmpty()) {
                lines.add(trimmed(line));
            }
            return lines;
        }

        /** The last position in the line where it may break before {@code next}; 0 when there is none. */
        private int lastBreak(List<Glyph> line, Glyph next) {
            if (next.breakable()) {
                return line.size();
            }
            for (int i = line.size() - 1; i > 0; i--) {
                if (line.get(i - 1).space() || line.get(i - 1).breakable() || line.get(i).breakable()) {
                    return i;
                }
            }
            return 0;
        }

        private List<Glyph> trimmed(List<Glyph> line) {
            int end = line.size();
            while (end > 0 && line.get(end - 1).space()) {
                end--;
            }
            return line.subList(0, end);
        }

        private float width(Glyph glyph, float size) throws IOException {
            Map<String, Float> known = widths.computeIfAbsent(glyph.font(), f -> new HashMap<>());
            Float units = known.get(glyph.text());
            if (units == null) {
                units = glyph.font().getStringWidth(glyph.text());
                known.put(glyph.text(), units);
            }
            return units / 1000 * size;
        }

        /** Draws the glyphs as one line, switching font only where the font changes. */
        private void draw(PDPageContentStream stream, List<Glyph> glyphs, float x, float baseline, float size)
                throws IOException {
            stream.beginText();
            stream.newLineAtOffset(x, baseline);
            int i = 0;
            while (i < glyphs.size()) {
                PDFont font = glyphs.get(i).font();
                StringBuilder run = new StringBuilder();
                while (i < glyphs.size() && glyphs.get(i).font() == font) {
                    run.append(glyphs.get(i).text());
                    i++;
                }
                stream.setFont(font, size);
                stream.showText(run.toString());
            }
            stream.endText();
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }
}
