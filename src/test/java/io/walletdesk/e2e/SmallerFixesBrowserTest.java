package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, "Smaller", on a 360x740 phone in headless Chromium: support's numbers and address are tel:/mailto:
 * links; a signed-in customer's callback form is pre-filled and its confirmation repeats day, time with zone and
 * number; the staff assistant page fits; report chart labels read at 12 px or more; the Chinese language button
 * stays on one line; /verify flags a number typed with letters for digits.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class SmallerFixesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        shot("smaller" + path.replaceAll("[/?=&%]", "-"));
    }

    private void shot(String name) {
        Browsers.screenshot(browser, name);
    }

    private int scrollWidth() {
        return ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).intValue();
    }

    /** The elements that stick out past the screen's right edge, to name them when the page is too wide. */
    @SuppressWarnings("unchecked")
    private List<String> overflowing() {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361
                    && !e.closest('.table-wrap, .visually-hidden'))
                  .slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""");
    }

    private void signIn(String identifier, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("identifier")).sendKeys(identifier);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void supportLinksCallbackAndVerifyForACustomer() throws Exception {
        String phone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(phone, null, "Sekar Ayu", "en", TestData.PASSWORD),
                ClientInfo.system());
        browser = Browsers.phone();

        open("/support");
        assertThat(browser.findElements(By.cssSelector("#support-call-lines a[href='tel:+622150001234']"))).hasSize(1);
        assertThat(browser.findElement(By.id("support-mail")).getAttribute("href"))
                .isEqualTo("mailto:support@walletdesk.co.id");
        assertThat(browser.findElement(By.cssSelector("#support-call-lines a[href^='tel:']")).getSize().getHeight())
                .as("a tap target").isGreaterThanOrEqualTo(44);
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);

        signIn(phone, TestData.PASSWORD);
        open("/support/callback");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Sekar Ayu");
        assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("+62" + phone.substring(1));
        browser.findElement(By.id("topic")).sendKeys("Top-up belum masuk");
        browser.findElement(By.id("request-callback")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("callback-summary")).isEmpty());
        shot("smaller-callback-requested");
        String day = browser.findElement(By.id("callback-from")).getText();
        assertThat(day).contains("9:00").endsWith("WIB");
        assertThat(browser.findElement(By.id("callback-until")).getText()).contains("12:00").endsWith("WIB");
        assertThat(browser.findElement(By.id("callback-number")).getText()).isEqualTo("+62" + phone.substring(1));
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);

        for (String disguised : new String[] {"0812-3456-789O", "O8l2 3456 7890", "+62 2l 5OOO l234"}) {
            open("/verify?value=" + java.net.URLEncoder.encode(disguised, java.nio.charset.StandardCharsets.UTF_8));
            String result = browser.findElement(By.id("verify-result")).getText();
            assertThat(result).as(disguised).contains("letters that look like digits").contains(disguised);
        }
        open("/verify?value=0812-3456-7890");
        assertThat(browser.findElement(By.id("verify-result")).getText()).doesNotContain("letters that look like digits");
    }

    @Test
    void staffPagesFitAndReadOnAPhone() throws Exception {
        String email = TestData.email();
        registration.createStaff(Role.SUPERVISOR, email, "Rina Supervisor", "meja-bantuan-pagi-77", null,
                ClientInfo.system());
        browser = Browsers.phone();
        signIn(email, "meja-bantuan-pagi-77");

        // A turn with a long message and intent, as the page shows in production.
        jdbc.sql("""
                INSERT INTO assistant_turn (conversation_id, message_seq, lang, customer_text, intent, confidence,
                    second_intent, outcome, created_at)
                VALUES (:c, 1, 'id', :text, 'topup_not_received', 0.62, 'transfer_not_received', 'ANSWERED', now())""")
                .param("c", System.nanoTime() % 1_000_000_000L)
                .param("text", "Uang saya belum masuk padahal sudah transfer dari bank BCA pukul 10.15 tadi pagi, "
                        + "nomor referensi TRX20261206ABCDEFGHIJKLMNOP").update();
        open("/staff/assistant");
        assertThat(scrollWidth()).as("/staff/assistant: " + overflowing()).isLessThanOrEqualTo(360);

        open("/staff/reporting");
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) browser.executeScript("""
                return [...document.querySelectorAll('svg.chart text')].map(t =>
                  t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize));""");
        assertThat(sizes).isNotEmpty();
        assertThat(sizes).allSatisfy(size -> assertThat(size.doubleValue()).as("chart label px").isGreaterThanOrEqualTo(12));
        assertThat(scrollWidth()).as("/staff/reporting: " + overflowing()).isLessThanOrEqualTo(360);

        new Select(browser.findElement(By.id("lang-select"))).selectByValue("zh-CN");
        browser.findElement(By.cssSelector(".language-switcher button")).click();
        // While the page is being replaced Chrome may answer for the old document ("Node ... does not belong to
        // the document"): ask again until the new page answers.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        WebElement change = browser.findElement(By.cssSelector(".language-switcher button"));
        assertThat(change.getText()).isEqualTo("切换");
        Number lines = (Number) browser.executeScript("""
                const b = arguments[0], r = document.createRange(); r.selectNodeContents(b);
                return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;""", change);
        assertThat(lines.intValue()).as("切换 on one line").isEqualTo(1);
        open("/staff/assistant");
        assertThat(scrollWidth()).as("/staff/assistant in Chinese: " + overflowing()).isLessThanOrEqualTo(360);
    }
}
