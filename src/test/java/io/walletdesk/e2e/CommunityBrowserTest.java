package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C5 on a 360-px phone, in Indonesian: a new customer asks (her phone number is masked, her first post waits for a
 * moderator), an agent approves it, another customer answers and a third post names a look-alike of our WhatsApp
 * number (warning, moderation queue), the agent answers officially and moves the topic to private support; an
 * anonymous reader then sees only that it moved.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class CommunityBrowserTest {

    private static final String STAFF_PASSWORD = "meja-bantuan-pagi-77";

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    JdbcClient jdbc;

    private ChromeDriver phone;

    @AfterEach
    void close() {
        if (phone != null) {
            phone.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in as someone else: a fresh cookie jar with the Indonesian language cookie. */
    private void signIn(String identifier, String password) {
        phone.get(url("/login"));
        phone.manage().deleteAllCookies();
        phone.manage().addCookie(new Cookie("wd_lang", "id"));
        phone.get(url("/login"));
        phone.findElement(By.id("identifier")).sendKeys(identifier);
        phone.findElement(By.id("password")).sendKeys(password);
        phone.findElement(By.id("sign-in")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(phone, Duration.ofSeconds(20))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void noSidewaysScrolling() {
        Object overflow = phone.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at 360 px on " + phone.getCurrentUrl())
                .isLessThanOrEqualTo(0);
    }

    private void screenshot(String name) {
        Browsers.screenshot(phone, name);
    }

    @Test
    void askAnswerOfficiallyWarnAboutALookAlikeAndMoveToPrivateSupport() throws Exception {
        String askerPhone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(askerPhone, TestData.email(), "Sari Wulandari", "id",
                TestData.PASSWORD), ClientInfo.system());
        String helperPhone = TestData.phone();
        long helper = registration.register(new Registration.RegisterCustomer(helperPhone, TestData.email(), "Joko Susilo",
                "id", TestData.PASSWORD), ClientInfo.system());
        jdbc.sql("UPDATE users SET created_at = :at WHERE id = :id") // a long-standing customer
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(90)))).param("id", helper).update();
        String agentEmail = TestData.email();
        registration.createStaff(Role.AGENT, agentEmail, "Rina Agen", STAFF_PASSWORD, null, ClientInfo.system());
        phone = Browsers.phone();

        // 1. Sari asks in Indonesian; her phone number is masked and, as a new account, her post waits.
        signIn(askerPhone, TestData.PASSWORD);
        phone.get(url("/community"));
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("Komunitas");
        phone.findElement(By.id("community-new")).click();
        new Select(phone.findElement(By.id("topic-category"))).selectByValue("top-ups");
        assertThat(new Select(phone.findElement(By.id("topic-language"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("id");
        phone.findElement(By.id("topic-title")).sendKeys("Saldo top up belum masuk padahal sudah bayar");
        phone.findElement(By.id("topic-body")).sendKeys("Sudah bayar lewat ATM dua jam lalu tapi saldo belum masuk. "
                + "Tolong hubungi saya di 0812-3456-7890.");
        noSidewaysScrolling();
        phone.findElement(By.id("topic-send")).click();
        // The answer is either help articles suggested first (deflection) or the posted topic: wait for one.
        new org.openqa.selenium.support.ui.WebDriverWait(phone, java.time.Duration.ofSeconds(20)).until(d ->
                !d.findElements(By.id("suggested")).isEmpty() || !d.findElements(By.id("held-notice")).isEmpty());
        if (!phone.findElements(By.id("suggested")).isEmpty()) {
            assertThat(phone.findElements(By.cssSelector("#suggested-articles a"))).isNotEmpty();
            phone.findElement(By.id("topic-send")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(phone, java.time.Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.id("held-notice")).isEmpty());
        }
        assertThat(phone.findElement(By.id("held-notice")).getText()).contains("moderator");
        assertThat(phone.findElement(By.id("masked-notice")).getText()).contains("nomor telepon");
        WebElement question = phone.findElement(By.cssSelector("article.post .post-body"));
        assertThat(question.getText()).contains("0812-••••-••90").doesNotContain("3456-7890");
        String topicUrl = phone.getCurrentUrl().replaceFirst("#.*$", "");
        screenshot("50-community-asked-phone");

        // 2. The agent approves it from the moderation queue.
        signIn(agentEmail, STAFF_PASSWORD);
        phone.get(url("/staff/community"));
        WebElement held = phone.findElement(By.cssSelector("#queue li[data-reason='NEW_ACCOUNT']"));
        held.findElement(By.cssSelector(".approve-button")).click();
        assertThat(Browsers.onNewPage(phone, By.id("queue-done")).getText()).isNotBlank();

        // 3. Joko answers; then someone posts a look-alike of our WhatsApp number.
        signIn(helperPhone, TestData.PASSWORD);
        phone.get(topicUrl);
        phone.findElement(By.id("reply-body")).sendKeys("Biasanya masuk dalam satu jam. Coba cek riwayat transaksi.");
        phone.findElement(By.id("reply-send")).click();
        // Wait for the page after posting, not the one the click left (a loaded machine is slow to navigate).
        new org.openqa.selenium.support.ui.WebDriverWait(phone, java.time.Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("article.post")).size() == 2);
        phone.findElement(By.id("reply-body")).sendKeys("Chat saja CS resmi di WA 0811-1000-1235, mereka cepat.");
        phone.findElement(By.id("reply-send")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(phone, java.time.Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("lookalike-notice")).isEmpty());
        assertThat(phone.findElement(By.id("lookalike-notice")).isDisplayed()).isTrue();
        List<WebElement> warned = phone.findElements(By.cssSelector("article.post .lookalike-warning"));
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).getText()).contains("WalletDesk");
        assertThat(phone.getPageSource()).doesNotContain("1000-1235");
        noSidewaysScrolling();
        screenshot("51-community-lookalike-warning-phone");

        // 4. The agent sees it in the queue, answers officially and moves the topic to private support.
        signIn(agentEmail, STAFF_PASSWORD);
        phone.get(url("/staff/community"));
        assertThat(phone.findElement(By.cssSelector("#queue li[data-reason='LOOK_ALIKE'] .flag-detail")).getText())
                .contains("+6281110001235");
        phone.get(topicUrl);
        phone.findElement(By.id("reply-body")).sendKeys("Halo Kak Sari, kami cek transaksinya lewat percakapan pribadi. "
                + "Nomor WA resmi kami hanya +62 811-1000-1234.");
        phone.findElement(By.id("reply-send")).click();
        WebElement official = Browsers.onNewPage(phone, By.cssSelector("article.post.official"));
        assertThat(official.findElement(By.cssSelector(".official-badge")).getText()).isNotBlank(); // in the agent's own language
        assertThat(official.getText()).contains("+62 811-1000-1234"); // our own number stays readable
        phone.findElement(By.id("move-private-button")).click();
        assertThat(Browsers.onNewPage(phone, By.id("moved-notice")).isDisplayed()).isTrue();
        assertThat(phone.findElement(By.id("private-link")).getAttribute("href")).contains("/staff/conversations/");
        screenshot("52-community-moved-private-phone");

        // 5. Anyone else sees only that it moved, without details.
        phone.manage().deleteAllCookies();
        phone.manage().addCookie(new Cookie("wd_lang", "id"));
        phone.get(topicUrl);
        assertThat(phone.findElement(By.id("topic-private")).getText()).contains("dukungan pribadi");
        assertThat(phone.findElements(By.cssSelector("article.post"))).isEmpty();
        assertThat(phone.findElements(By.id("private-link"))).isEmpty();
        noSidewaysScrolling();
    }
}
