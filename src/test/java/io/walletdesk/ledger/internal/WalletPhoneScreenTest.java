package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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

/** The wallet on a 360x740 phone in headless Chromium: top up, send with the masked-name check and PIN, history. */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class WalletPhoneScreenTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void open(String path) {
        browser.get(url(path));
        waitFor(path);
    }

    private void waitFor(String pathPart) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(pathPart));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private void fitsThePhone(String name) throws Exception {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("wallet-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(((Number) overflow).intValue()).as(name + ": no horizontal scrolling at 360 px").isLessThanOrEqualTo(0);
    }

    @Test
    void walletPagesFitAPhoneAndWork() throws Exception {
        String phone = TestData.phone();
        String friend = TestData.phone();
        long me = registration.register(new Registration.RegisterCustomer(phone, null, "Putri Ayuningtyas", "id",
                TestData.PASSWORD), ClientInfo.system());
        registration.register(new Registration.RegisterCustomer(friend, null, "Dewi Kartika Sari", "id",
                TestData.PASSWORD), ClientInfo.system());
        wallets.open(me);
        wallets.setTier(me, WalletTier.VERIFIED);

        browser = Browsers.phone();
        open("/login");
        browser.findElement(By.id("identifier")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().endsWith("/login"));

        open("/wallet/pin");
        fitsThePhone("pin");
        browser.findElement(By.id("pin")).sendKeys("135790");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("/wallet");

        open("/wallet/top-up");
        fitsThePhone("top-up");
        browser.findElement(By.id("bankAccount")).sendKeys("1234567890");
        browser.findElement(By.id("amount")).sendKeys("250.000");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("/wallet/transactions/");
        fitsThePhone("top-up-pending");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Menunggu konfirmasi bank Anda");
        bank.deliverAllNow();

        open("/wallet/send");
        fitsThePhone("send");
        browser.findElement(By.id("phone")).sendKeys(friend);
        browser.findElement(By.id("amount")).sendKeys("50000");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor("/wallet/send/confirm");
        fitsThePhone("send-confirm");
        assertThat(browser.findElement(By.cssSelector(".payee")).getText()).isEqualTo("De** Ka***** Sa**");
        browser.findElement(By.id("pin")).sendKeys("135790");
        browser.findElement(By.cssSelector("main form.stack button[type=submit]")).click();
        waitFor("/wallet/transactions/");
        fitsThePhone("sent");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("-Rp50.000").contains("Berhasil");

        open("/wallet");
        fitsThePhone("home");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Rp200.000");
        open("/wallet/transactions");
        fitsThePhone("history");
        open("/wallet/verify");
        fitsThePhone("verify");
    }
}
