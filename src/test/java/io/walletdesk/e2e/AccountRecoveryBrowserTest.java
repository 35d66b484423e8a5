package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, on a 360x740 phone screen in headless Chromium: a customer who forgot the password resets it from
 * the sign-in page with a code sent by SMS; and two-step setup on the same phone offers an otpauth:// link and
 * the key as readable text next to a labelled QR code.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class AccountRecoveryBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    OutboundMessages outbox;

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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(ending));
    }

    private void assertFitsThePhoneScreen() {
        Object width = browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(((Number) width).intValue()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
    }

    @Test
    void aCustomerWhoForgotThePasswordResetsItWithACodeFromTheSignInPage() throws Exception {
        String phone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(phone, null, "Yuni Lestari", "en", TestData.PASSWORD),
                ClientInfo.system());
        browser = Browsers.phone();

        browser.get(url("/login"));
        browser.findElement(By.id("forgot-password")).click();
        waitForUrl("/login/reset");
        assertFitsThePhoneScreen();
        browser.findElement(By.id("identifier")).sendKeys(phone);
        screenshot("account-01-reset-request");
        browser.findElement(By.id("send-code")).click();
        waitForUrl("/login/reset/code");
        assertThat(browser.findElement(By.id("reset-sent")).getText()).contains("If an account has this phone number");
        assertFitsThePhoneScreen();

        browser.findElement(By.id("code")).sendKeys("000000".equals(code(phone)) ? "111111" : "000000");
        browser.findElement(By.id("newPassword")).sendKeys("sepeda-merah-di-taman-kota-24");
        browser.findElement(By.id("reset-password")).click();
        assertThat(Browsers.onNewPage(browser, By.id("code-error")).getText()).contains("not right");
        screenshot("account-02-reset-wrong-code");

        browser.findElement(By.id("code")).clear();
        browser.findElement(By.id("code")).sendKeys(code(phone));
        browser.findElement(By.id("newPassword")).sendKeys("sepeda-merah-di-taman-kota-24");
        browser.findElement(By.id("reset-password")).click();
        waitForUrl("/login?reset");
        assertThat(browser.findElement(By.id("login-reset")).getText()).contains("Sign in with the new password");
        assertFitsThePhoneScreen();
        screenshot("account-03-reset-done");

        browser.findElement(By.id("identifier")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys("sepeda-merah-di-taman-kota-24");
        browser.findElement(By.id("sign-in")).click();
        waitForUrl("/account");
    }

    private String code(String phone) {
        return outbox.to("+62" + phone.substring(1)).stream().filter(m -> m.purpose().equals("PASSWORD_RESET_CODE"))
                .findFirst().map(m -> {
                    Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(m.body());
                    return digits.find() ? digits.group(1) : null;
                }).orElseThrow();
    }

    @Test
    void twoStepSetupOnThePhoneOffersALinkAndTheKeyAsTextBesideALabelledQrCode() throws Exception {
        String phone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(phone, null, "Yuni Lestari", "en", TestData.PASSWORD),
                ClientInfo.system());
        browser = Browsers.phone();
        browser.get(url("/login"));
        browser.findElement(By.id("identifier")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitForUrl("/account");
        browser.get(url("/account/security"));
        browser.findElement(By.id("manage-2fa")).click();

        String key = browser.findElement(By.id("totp-secret")).getText();
        assertThat(key).as("grouped for reading").matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        WebElement link = browser.findElement(By.id("otpauth-link"));
        assertThat(link.getAttribute("href")).startsWith("otpauth://totp/")
                .contains("secret=" + key.replace(" ", "")).contains("issuer=WalletDesk");
        assertThat(link.getText()).isEqualTo("Add to authenticator app");
        assertThat(link.getSize().getHeight()).as("a tap target").isGreaterThanOrEqualTo(44);
        WebElement qr = browser.findElement(By.id("totp-qr"));
        assertThat(qr.getAttribute("role")).isEqualTo("img");
        assertThat(browser.findElement(By.id(qr.getAttribute("aria-labelledby"))).getAttribute("textContent"))
                .contains("QR code");
        assertFitsThePhoneScreen();
        screenshot("account-04-two-factor-setup");
    }
}
