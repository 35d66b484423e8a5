package io.walletdesk.knowledge.internal;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown to safe HTML (raw HTML in an article is shown as text, {@code javascript:} links are dropped) and
 * to plain text for the search index and snippets.
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private MarkdownText() {
    }

    static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    static String plain(String markdown) {
        Node document = PARSER.parse(markdown);
        return TEXT.render(document);
    }
}
