package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The widget on a bad network, in Chromium.
 * <ul>
 * <li>First load (issue 17): emulating Slow 3G (400 kbps, 400 ms), with the chat socket's frames held back four
 * seconds, the message box is on screen and takes a message before the conversation's history arrives; the
 * history then fills in and the message typed meanwhile goes out.</li>
 * <li>A silent socket (issue 13): open at the phone's end while nothing gets through (a mobile network that
 * dropped the route; a node that stopped without closing it). The widget notices that its message got no answer,
 * drops the socket, reconnects and sends it again: stored once, and the customer sees it delivered.</li>
 * </ul>
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class WidgetSlowNetworkBrowserTest {

    /** Every frame the server sends on the chat socket reaches the page this much later. */
    static final int SOCKET_DELAY_MS = 4000;

    /**
     * Replaces the page's WebSocket with one whose frames reach the page through {@code rules.incoming(event)};
     * {@code tamper} may change that rule and the socket's {@code send} ({@code index} counts the page's sockets
     * from 1; {@code deliver(event)} hands a frame to the page).
     */
    static String wrapWebSocket(String tamper) {
        return """
                (function () {
                  var Native = window.WebSocket;
                  window.__socketsOpened = 0;
                  function Wrapped(url, protocols) {
                    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
                    var index = ++window.__socketsOpened;
                    var handler = null;
                    var deliver = function (event) { if (handler) { handler.call(socket, event); } };
                    var rules = { incoming: deliver };
                    %s
                    socket.addEventListener('message', function (event) { rules.incoming(event); });
                    Object.defineProperty(socket, 'onmessage', { configurable: true,
                      get: function () { return handler; }, set: function (fn) { handler = fn; } });
                    return socket;
                  }
                  Wrapped.prototype = Native.prototype;
                  Wrapped.CONNECTING = 0; Wrapped.OPEN = 1; Wrapped.CLOSING = 2; Wrapped.CLOSED = 3;
                  window.WebSocket = Wrapped;
                })();
                """.formatted(tamper);
    }

    /** Each frame to the page arrives late: a slow path for the history only. */
    static final String SLOW_SOCKET = wrapWebSocket("""
            rules.incoming = function (event) { setTimeout(function () { deliver(event); }, %d); };
            """.formatted(SOCKET_DELAY_MS));

    /** The first socket goes silent once it carries a chat message: that frame and all later ones vanish, both ways. */
    static final String FIRST_SOCKET_GOES_SILENT = wrapWebSocket("""
            if (index === 1) {
              var silent = false, nativeSend = socket.send.bind(socket);
              socket.send = function (data) {
                if (String(data).indexOf('"type":"send"') >= 0) { silent = true; }
                if (!silent) { nativeSend(data); }
              };
              rules.incoming = function (event) { if (!silent) { deliver(event); } };
            }
            """);

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private ChromeDriver customer;

    @AfterEach
    void close() {
        if (customer != null) {
            customer.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    private static By message(String text) {
        return By.xpath("//*[@id='wd-messages']/li[contains(., '" + text + "')]");
    }

    private void agentOnline() {
        OnlineAgents.create(registration, jdbc, clock);
    }

    @Test
    void theMessageBoxIsUsableBeforeTheHistoryArrivesOnSlow3g() {
        agentOnline();

        // A visitor who chatted before: the conversation has history.
        customer = Browsers.phone();
        customer.get(url("/support"));
        waitFor(customer).until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        waitFor(customer).until(ExpectedConditions.visibilityOfElementLocated(By.id("wd-name"))).sendKeys("Tari");
        customer.findElement(By.id("wd-start")).click();
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "online"));
        customer.findElement(By.id("wd-input")).sendKeys("Saldo saya belum masuk");
        customer.findElement(By.id("wd-send")).click();
        waitFor(customer).until(ExpectedConditions.attributeToBe(message("Saldo saya belum masuk"), "data-status", "delivered"));

        // Back on a bad network: Slow 3G for every request, and the socket (which brings the history) slower still.
        customer.executeCdpCommand("Network.enable", Map.of());
        customer.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
                "downloadThroughput", 400_000 / 8, "uploadThroughput", 400_000 / 8));
        customer.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SLOW_SOCKET));
        customer.get("about:blank");
        long started = System.nanoTime();
        customer.get(url("/support"));
        waitFor(customer).until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        WebElement input = waitFor(customer).until(ExpectedConditions.elementToBeClickable(By.id("wd-input")));
        long usableMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(input.isEnabled()).isTrue();
        assertThat(customer.findElements(message("Saldo saya belum masuk"))).as("history not there yet").isEmpty();
        assertThat(customer.findElement(By.id("wd-messages")).getAttribute("aria-busy")).isEqualTo("true");
        input.sendKeys("Sudah dua jam");
        customer.findElement(By.id("wd-send")).click();
        assertThat(customer.findElement(message("Sudah dua jam")).getAttribute("data-status")).isEqualTo("queued");

        waitFor(customer).until(ExpectedConditions.presenceOfElementLocated(message("Saldo saya belum masuk")));
        long historyMillis = (System.nanoTime() - started) / 1_000_000;
        waitFor(customer).until(ExpectedConditions.attributeToBe(message("Sudah dua jam"), "data-status", "delivered"));
        assertThat(customer.findElement(By.id("wd-messages")).getAttribute("aria-busy")).isNull();
        assertThat(historyMillis).as("box usable after %d ms, history after %d ms", usableMillis, historyMillis)
                .isGreaterThan(usableMillis);
        System.out.printf("Slow 3G widget: message box usable after %d ms, history after %d ms%n", usableMillis,
                historyMillis);
    }

    @Test
    void aMessageOnASilentSocketGoesOutAgainOverANewOne() {
        agentOnline();
        customer = Browsers.phone();
        customer.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_SOCKET_GOES_SILENT));
        WebDriverWait wait = waitFor(customer);

        customer.get(url("/support"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wd-name"))).sendKeys("Wulan");
        customer.findElement(By.id("wd-start")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "online"));
        wait.until(d -> d.findElement(By.id("walletdesk-chat")).getAttribute("data-reconnects") == null);

        customer.findElement(By.id("wd-input")).sendKeys("Transfer saya tertahan");
        customer.findElement(By.id("wd-send")).click();
        assertThat(customer.findElement(message("Transfer saya tertahan")).getAttribute("data-status")).isEqualTo("queued");

        wait.until(ExpectedConditions.attributeToBe(message("Transfer saya tertahan"), "data-status", "delivered"));
        assertThat(customer.findElement(By.id("walletdesk-chat")).getAttribute("data-reconnects")).isEqualTo("1");
        assertThat(customer.executeScript("return window.__socketsOpened;")).isEqualTo(2L);
        long conversationId = Long.parseLong((String) customer.executeScript(
                "return window.localStorage.getItem('wd_conversation');"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_messages WHERE conversation_id = :c AND body = :b")
                .param("c", conversationId).param("b", "Transfer saya tertahan").query(Integer.class).single())
                .as("stored once").isEqualTo(1);
    }
}
