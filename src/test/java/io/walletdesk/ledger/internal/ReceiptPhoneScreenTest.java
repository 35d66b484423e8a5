package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.WalletDeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, on a 360 px phone in headless Chromium: a payment receipt shows the customer what they paid and not
 * the merchant's fee, and a failed top-up does not read as money that arrived.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class ReceiptPhoneScreenTest {

    @LocalServerPort
    int port;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) throws Exception {
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((ChromeDriver) d).executeScript("return document.readyState")));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve("receipt" + path.replace('/', '-') + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Object width = browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(((Number) width).intValue()).as(path + " fits 360 px").isLessThanOrEqualTo(360);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void theReceiptShowsWhatTheCustomerPaidAndAFailedTopUpDidNotArrive() throws Exception {
        WalletFixtures fixtures = new WalletFixtures(port, wallets, bank);
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        // Kopi Nusantara's discount rate is 0.7 %: Rp175 of Rp25.000, borne by the merchant.
        var paid = WalletFixtures.pay(budi, "KOPI-NUSANTARA", 25_000, UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("fee").asLong()).as("the API tells the customer no fee either").isZero();
        assertThat(WalletFixtures.balance(budi)).isEqualTo(75_000);
        long failed = fixtures.topUp(budi, 50_000, "7000006666").json().get("id").asLong();

        browser = Browsers.phone();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("identifier")).sendKeys(budi.phone());
        browser.findElement(By.id("password")).sendKeys(io.walletdesk.testing.TestData.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().endsWith("/login"));

        open("/wallet/transactions/" + paid.json().get("id").asLong());
        assertThat(text("#tx-amount")).isEqualTo("-Rp25.000");
        assertThat(text("main")).doesNotContain("Rp175").doesNotContain("Fee");

        open("/wallet/transactions/" + failed);
        assertThat(text("#tx-amount")).doesNotContain("+").contains("Rp50.000").contains("Failed - not credited");
        assertThat(text("#tx-amount s")).isEqualTo("Rp50.000");

        open("/wallet/transactions");
        assertThat(text("main")).doesNotContain("+Rp50.000").contains("Failed - not credited");
    }
}
