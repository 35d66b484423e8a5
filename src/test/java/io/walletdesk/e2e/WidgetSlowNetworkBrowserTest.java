package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.sql.Timestamp;
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
 * The widget's first load on a bad network (issue 17): in Chromium emulating Slow 3G (400 kbps, 400 ms), with the
 * chat socket's frames held back four seconds, the message box is on screen and takes a message before the
 * conversation's history arrives; the history then fills in and the message typed meanwhile goes out.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class WidgetSlowNetworkBrowserTest {

    /** Every frame the server sends on the chat socket reaches the page this much later. */
    static final int SOCKET_DELAY_MS = 4000;

    /** Wraps WebSocket so that onmessage handlers see each frame late: a slow path for the history only. */
    static final String SLOW_SOCKET = """
            (function () {
              var Native = window.WebSocket;
              function Slow(url, protocols) {
                var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
                var handler = null;
                socket.addEventListener('message', function (event) {
                  setTimeout(function () { if (handler) { handler.call(socket, event); } }, %d);
                });
                Object.defineProperty(socket, 'onmessage', { configurable: true,
                  get: function () { return handler; }, set: function (fn) { handler = fn; } });
                return socket;
              }
              Slow.prototype = Native.prototype;
              Slow.CONNECTING = 0; Slow.OPEN = 1; Slow.CLOSING = 2; Slow.CLOSED = 3;
              window.WebSocket = Slow;
            })();
            """.formatted(SOCKET_DELAY_MS);

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

    @Test
    void theMessageBoxIsUsableBeforeTheHistoryArrivesOnSlow3g() {
        long agentId = registration.createStaff(Role.AGENT, TestData.email(), "Sari Agen", "meja-bantuan-pagi-77", null,
                ClientInfo.system());
        jdbc.sql("INSERT INTO agent_presence (user_id, status, last_seen_at) VALUES (:u, 'ONLINE', :now)")
                .param("u", agentId).param("now", Timestamp.from(clock.instant())).update();

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
}
