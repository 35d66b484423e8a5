package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.ledger.internal.LedgerTestHooks;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.FirstResponse;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/**
 * B2 in real Chromium on a 360-px phone: an Indonesian customer whose top-up failed asks the assistant in the
 * widget why, at a time no agent is online, and gets the real reason from their own transaction.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class AssistantBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    FirstResponse firstResponse;
    @Autowired
    ApplicationContext context;
    @Autowired
    MessageSource messages;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private ChromeDriver customer;

    @AfterEach
    void close() {
        firstResponse.setAssistantEnabled(false, null, ClientInfo.system());
        if (customer != null) {
            customer.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anIndonesianCustomerAsksWhyATopUpFailedAndGetsTheRealReason() throws Exception {
        firstResponse.setAssistantEnabled(true, null, ClientInfo.system());
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE'").update();
        String phone = TestData.phone();
        ApiClient api = new ApiClient(port);
        api.post("/api/v1/auth/register", Map.of("phone", phone, "email", TestData.email(), "name", "Putri Handayani",
                "language", "id", "password", TestData.PASSWORD));
        api.signIn(phone, TestData.PASSWORD);
        // Bank account ending in 0000: the bank does not know the account number.
        api.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/wallet/top-ups", Map.of("bankCode", "BRI", "bankAccount", "1234560000", "amount", 250_000));
        LedgerTestHooks.deliverBankCallbacksNow(context);

        customer = Browsers.phone();
        customer.get(url("/login"));
        customer.findElement(By.id("identifier")).sendKeys(phone);
        customer.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        customer.findElement(By.id("sign-in")).click();
        WebDriverWait wait = new WebDriverWait(customer, Duration.ofSeconds(30));
        wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
        customer.get(url("/support"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "Asisten"));
        customer.findElement(By.id("wd-input")).sendKeys("min, kenapa top up saya gagal terus?");
        customer.findElement(By.id("wd-send")).click();

        String reason = messages.getMessage("reason.BANK_ACCOUNT_INVALID.explain", null, java.util.Locale.forLanguageTag("id-ID"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-messages"), reason));
        String chat = customer.findElement(By.id("wd-messages")).getText();
        assertThat(chat).contains("250.000").contains("Asisten WalletDesk");
        // The article link in the answer is a real link.
        assertThat(customer.findElements(By.cssSelector("#wd-messages a[href='/help/topup-failed']"))).isNotEmpty();
        Object overflow = customer.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(customer.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("30-assistant-topup-reason.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
