package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.WalletDeskTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The slow-network budget of issue 17 in bytes: each customer page, loaded as a browser does on a cold cache
 * (the HTML, its stylesheets, scripts, icon and images, and what the chat widget fetches to start), is under
 * 50 KB on the wire with {@code Accept-Encoding: gzip}; every static file has a content-hashed name and a year
 * of immutable caching, so a warm view costs the HTML alone. Counted as a browser's transfer size: the
 * compressed body plus the status line and headers. The times (Slow 3G in Chromium) are in docs/benchmarks.md.
 */
@WalletDeskTest
class PageWeightTest {

    static final int BUDGET = 50 * 1024;
    static final Pattern LINK = Pattern.compile("<link\\b[^>]*\\brel=\"(?:stylesheet|icon)\"[^>]*\\bhref=\"([^\"]+)\"");
    static final Pattern SCRIPT_OR_IMAGE = Pattern.compile("<(?:script|img)\\b[^>]*\\bsrc=\"([^\"]+)\"");
    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    static final Pattern WIDGET_STYLESHEET = Pattern.compile("'(/css/widget-[0-9a-f]{32}\\.css)'");
    static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+$");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Fetched(String path, int status, long wireBytes, HttpResponse<byte[]> response, String text) {

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    Fetched fetch(String path, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").header("Accept-Language", language)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long headerBytes = "HTTP/1.1 200 OK\r\n\r\n".length() + response.headers().map().entrySet().stream()
                    .mapToLong(e -> e.getValue().stream().mapToLong(v -> e.getKey().length() + v.length() + 4).sum()).sum();
            byte[] body = response.body();
            byte[] decoded = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()
                    ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes() : body;
            return new Fetched(path, response.statusCode(), headerBytes + body.length, response,
                    new String(decoded, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).replace("&amp;", "&"));
        }
        return found;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"/, en", "/support, en", "/help, en", "/help/cs-unreachable, en", "/status, en", "/diagnose, en",
            "/verify, en", "/login, en", "/, id", "/status, id", "/help/cs-unreachable, id", "/support, zh-CN",
            "/status, zh-CN", "/diagnose, zh-CN"})
    void aCustomerPageIsUnder50KbOnAColdCacheAndItsHtmlAloneOnAWarmOne(String page, String language) {
        Fetched html = fetch(page, language);
        assertThat(html.status()).as(page).isEqualTo(200);
        assertThat(html.header("Content-Encoding")).as(page + " compressed").isEqualTo("gzip");

        Set<String> subresources = new LinkedHashSet<>(matches(LINK, html.text()));
        subresources.addAll(matches(SCRIPT_OR_IMAGE, html.text()));
        List<Fetched> loaded = new ArrayList<>();
        List<String> queue = new ArrayList<>(subresources);
        for (int i = 0; i < queue.size(); i++) {
            String path = queue.get(i);
            assertThat(path).as("local asset on " + page).startsWith("/");
            Fetched file = fetch(path, language);
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(path).as("content-hashed name").matches(HASHED);
            assertThat(file.header("Cache-Control")).as(path).isEqualTo("public, max-age=31536000, immutable");
            if (file.text().length() > 1024) {
                assertThat(file.header("Content-Encoding")).as(path + " compressed").isEqualTo("gzip");
            }
            loaded.add(file);
            if (path.endsWith(".css")) {
                matches(CSS_URL, file.text()).stream().filter(url -> !url.startsWith("data:") && !queue.contains(url))
                        .forEach(queue::add);
            }
            if (path.matches("/widget-[0-9a-f]{32}\\.js")) {
                // What the widget fetches before the customer can type: its stylesheet (by its hashed name, written
                // into the script when served), its texts and who is signed in.
                Set<String> stylesheet = matches(WIDGET_STYLESHEET, file.text());
                assertThat(stylesheet).as("the widget links its stylesheet's hashed name").hasSize(1);
                queue.addAll(stylesheet);
                loaded.add(fetch("/api/v1/chat/texts?lang=" + language, language));
                loaded.add(fetch("/chat/token", language));
            }
        }
        assertThat(loaded).as("stylesheet and icon at least").hasSizeGreaterThanOrEqualTo(2);

        long cold = html.wireBytes() + loaded.stream().mapToLong(Fetched::wireBytes).sum();
        StringBuilder detail = new StringBuilder(page + " " + language + ": html " + html.wireBytes());
        loaded.forEach(f -> detail.append(", ").append(f.path()).append(' ').append(f.wireBytes()));
        assertThat(cold).as(detail.toString()).isLessThan(BUDGET);
        // Warm: the static files are fresh for a year, so only the page itself (never reused unasked) travels,
        // and on /support the widget's check of who is signed in (its texts are cached for an hour).
        assertThat(html.header("Cache-Control")).containsAnyOf("no-store", "no-cache");
        assertThat(html.wireBytes()).as("warm view of " + page).isLessThan(20 * 1024);
    }
}
