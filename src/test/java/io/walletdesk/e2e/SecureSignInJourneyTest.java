package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.AuthenticatorApp;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer on a 360x740 phone screen in real headless Chromium: registers, signs in, turns on two-step
 * verification with the QR page, signs out, and signs in again with a TOTP code.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class SecureSignInJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

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

    private void screenshot(String name) {
        Browsers.screenshot(browser, name);
    }

    private void waitForUrl(String ending) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith(ending));
    }

    private void assertFitsThePhoneScreen() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(0);
    }

    @Test
    void registerEnableTwoFactorSignOutAndSignInWithACode() throws Exception {
        browser = Browsers.phone();
        String phone = TestData.phone();

        browser.get(url("/register"));
        assertFitsThePhoneScreen();
        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.id("name")).sendKeys("Putri Ayuningtyas");
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        screenshot("01-register");
        browser.findElement(By.id("register")).click();
        waitForUrl("/account?welcome");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Putri Ayuningtyas");
        assertFitsThePhoneScreen();

        browser.get(url("/account/security"));
        browser.findElement(By.id("manage-2fa")).click();
        assertThat(Browsers.onNewPage(browser, By.cssSelector(".qr svg")).isDisplayed()).isTrue();
        String secret = browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
        screenshot("02-two-factor");
        assertFitsThePhoneScreen();
        browser.findElement(By.id("code")).sendKeys(AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant())));
        browser.findElement(By.id("enable-2fa")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("two-factor-enabled")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        screenshot("03-recovery-codes");

        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitForUrl("/?signedOut");

        browser.get(url("/login"));
        browser.findElement(By.id("identifier")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitForUrl("/login/2fa");
        browser.findElement(By.id("code")).sendKeys("000000");
        browser.findElement(By.id("verify")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("not right");

        clock.advance(Duration.ofSeconds(30)); // the enrolment code's time step cannot be used again
        browser.findElement(By.id("code")).sendKeys(AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant())));
        browser.findElement(By.id("verify")).click();
        waitForUrl("/account");
        browser.get(url("/account/security"));
        assertThat(browser.findElement(By.id("two-factor-state")).getText()).contains("10 recovery codes");
        assertThat(browser.findElement(By.id("sign-in-history")).getText()).contains("Chrome");
        screenshot("04-security");
        assertFitsThePhoneScreen();
    }
}
