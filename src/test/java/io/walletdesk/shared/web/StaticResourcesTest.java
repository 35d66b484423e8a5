package io.walletdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.WalletDeskTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Caching and compression at the edge (issue 17), over real HTTP because Tomcat does the compressing: pages link
 * static files by content hash and those are immutable for a year; plain names (the embeddable widget) are kept
 * five minutes and revalidated by ETag; pages stay no-store; text is gzip-compressed, problem+json included.
 */
@WalletDeskTest
class StaticResourcesTest {

    static final Pattern APP_CSS = Pattern.compile("href=\"(/css/app-([0-9a-f]{32})\\.css)\"");
    static final Pattern WIDGET = Pattern.compile("src=\"(/widget-[0-9a-f]{32}\\.js)\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) throws Exception {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
        byte[] body = gzip ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes() : response.body();
        return new String(body, StandardCharsets.UTF_8);
    }

    static String found(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in the page").isTrue();
        return matcher.group(1);
    }

    @Test
    void pagesLinkHashedFilesThatAreImmutableAndStayNoStoreThemselves() throws Exception {
        HttpResponse<byte[]> page = get("/", "Accept-Encoding", "gzip");
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        String css = found(APP_CSS, text(page));

        HttpResponse<byte[]> stylesheet = get(css, "Accept-Encoding", "gzip");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(stylesheet.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(stylesheet.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(text(stylesheet)).isEqualTo(text(get("/css/app.css")));

        assertThat(get("/css/app-0123456789abcdef0123456789abcdef.css").statusCode()).as("a stale hash").isEqualTo(404);
        HttpResponse<byte[]> plain = get("/css/app.css");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    }

    @Test
    void theWidgetKeepsItsStableAddressWithAShortCacheAndAnEtagAndItsHashedNameIsPublic() throws Exception {
        HttpResponse<byte[]> stable = get("/widget.js", "Accept-Encoding", "gzip");
        assertThat(stable.statusCode()).isEqualTo(200);
        assertThat(stable.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(stable.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String etag = stable.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        HttpResponse<byte[]> again = get("/widget.js", "If-None-Match", etag, "Accept-Encoding", "gzip");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // The script links its stylesheet by hashed name; that name is immutable too.
        Matcher stylesheet = Pattern.compile("'(/css/widget-[0-9a-f]{32}\\.css)'").matcher(text(stable));
        assertThat(stylesheet.find()).isTrue();
        assertThat(get(stylesheet.group(1)).headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=31536000, immutable");

        // Our own page links the hashed widget, which an anonymous visitor may load.
        String hashed = found(WIDGET, text(get("/support")));
        HttpResponse<byte[]> widget = get(hashed);
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(text(widget)).isEqualTo(text(stable));
    }

    @Test
    void problemAnswersAndFeedsAreCompressedToo() throws Exception {
        HttpResponse<byte[]> feed = get("/status/history.atom", "Accept-Encoding", "gzip");
        assertThat(feed.statusCode()).isEqualTo(200);
        if (text(feed).length() > 1024) {
            assertThat(feed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        }
        HttpResponse<byte[]> document = get("/v3/api-docs", "Accept-Encoding", "gzip");
        assertThat(document.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // A problem document of unknown length (streamed by Jackson) is compressed whatever its size.
        HttpResponse<byte[]> problem = get("/api/v1/wallet", "Accept-Encoding", "gzip", "Accept", "application/json");
        assertThat(problem.statusCode()).isEqualTo(401);
        assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(text(problem)).contains("\"status\"");
    }
}
