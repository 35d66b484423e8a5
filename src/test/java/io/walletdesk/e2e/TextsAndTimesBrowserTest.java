package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.WalletDeskTest;
import java.sql.Timestamp;
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
 * What a customer reading Indonesian or Chinese sees on a 360 px phone (issue 17, X6): error pages in their
 * language with a working language selector, official channels' purposes translated (an untranslated one
 * marked as English), and dates written the way their language writes them.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class TextsAndTimesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ChromeDriver phone;

    @AfterEach
    void close() {
        if (phone != null) {
            phone.quit();
        }
    }

    @Test
    void errorPagesSpeakTheVisitorsLanguageAndLetThemSwitch() throws Exception {
        phone = inLanguage("zh-CN");
        // A file nobody serves (the container's error page) ...
        phone.get(url("/css/no-such-file.css"));
        assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("未找到");
        Select languages = new Select(phone.findElement(By.id("lang-select")));
        assertThat(languages.getOptions()).extracting(WebElement::getText)
                .containsExactly("English", "中文（简体）", "Bahasa Indonesia");
        assertThat(languages.getFirstSelectedOption().getAttribute("value")).isEqualTo("zh-CN");
        screenshot("texts-error-404-zh");

        // ... and a failure inside a page's controller (the handler's error page): same language, same selector.
        phone.get(url("/status/incidents/doesnotexist"));
        assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("未找到");
        languages = new Select(phone.findElement(By.id("lang-select")));
        assertThat(languages.getOptions()).hasSize(3);
        assertThat(phone.findElement(By.cssSelector(".language-switcher input[name='back']")).getAttribute("value"))
                .isEqualTo("/status/incidents/doesnotexist");

        // Switching language on the error page works and comes back to the address that failed.
        languages.selectByValue("id");
        phone.findElement(By.cssSelector(".language-switcher button[type='submit']")).click();
        // Wait for the page the switch opens (Chrome may still answer for the old document meanwhile).
        new org.openqa.selenium.support.ui.WebDriverWait(phone, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "id".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(phone.getCurrentUrl()).endsWith("/status/incidents/doesnotexist");
        assertThat(new Select(phone.findElement(By.id("lang-select"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("id");
        assertThat(phone.findElement(By.tagName("h1")).getText()).isNotEqualTo("未找到").doesNotContain("Not found");
        assertNoSidewaysScroll();
    }

    @Test
    void officialChannelsSayWhatTheyAreForInTheReadersLanguage() throws Exception {
        long legacy = jdbc.sql("""
                INSERT INTO reach_official_channel (kind, normalized, display_value, network, label, active, created_at)
                VALUES ('HANDLE', 'walletdesk.legacy', '@walletdesk.legacy', 'threads', 'Announcements', TRUE, :at)
                RETURNING id""").param("at", Timestamp.from(Instant.now())).query(Long.class).single();
        try {
            phone = inLanguage("id");
            phone.get(url("/verify"));
            List<String> uses = uses();
            assertThat(uses).contains("Pusat panggilan (24 jam)", "Dukungan WhatsApp", "Situs web dan aplikasi web")
                    .doesNotContain("Call centre (24/7)", "WhatsApp support", "Website and web app");
            // A channel added before translations existed is shown in English and says so.
            WebElement untranslated = phone.findElement(By.xpath(
                    "//td[contains(@class,'channel-use')]/span[@lang='en' and text()='Announcements']"));
            assertThat(untranslated.findElement(By.xpath("..")).getText()).isEqualTo("Announcements (dalam bahasa Inggris)");
            screenshot("texts-verify-id");
            assertNoSidewaysScroll();

            phone.manage().addCookie(new Cookie("wd_lang", "zh-CN"));
            phone.get(url("/support/verify"));
            assertThat(uses()).contains("客服热线（24 小时）", "WhatsApp 客服", "所有以 @walletdesk.co.id 结尾的地址")
                    .doesNotContain("Call centre (24/7)");
            screenshot("texts-verify-zh");
        } finally {
            jdbc.sql("DELETE FROM reach_official_channel WHERE id = :id").param("id", legacy).update();
        }
    }

    @Test
    void pagesWriteDatesAsTheReadersLanguageDoesInJakartaTime() throws Exception {
        phone = inLanguage("zh-CN");
        phone.get(url("/diagnose"));
        String chinese = phone.findElement(By.id("diag-facts-title")).findElement(By.xpath("..")).getText();
        assertThat(chinese).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} WIB")
                .doesNotContainPattern("\\d{1,2} \\d{1,2}月 \\d{4}");
        phone.manage().addCookie(new Cookie("wd_lang", "id"));
        phone.get(url("/diagnose"));
        assertThat(phone.findElement(By.id("diag-facts-title")).findElement(By.xpath("..")).getText())
                .containsPattern("\\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \\d{4} \\d{2}\\.\\d{2} WIB");
        phone.manage().addCookie(new Cookie("wd_lang", "en"));
        phone.get(url("/diagnose"));
        assertThat(phone.findElement(By.id("diag-facts-title")).findElement(By.xpath("..")).getText())
                .containsPattern("\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}, \\d{2}:\\d{2} WIB");
    }

    private List<String> uses() {
        return phone.findElements(By.cssSelector("td.channel-use > span:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    private ChromeDriver inLanguage(String tag) {
        ChromeDriver browser = Browsers.phone();
        browser.get(url("/"));
        browser.manage().addCookie(new Cookie("wd_lang", tag));
        return browser;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void assertNoSidewaysScroll() {
        Object overflow = phone.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }

    private void screenshot(String name) {
        Browsers.screenshot(phone, name);
    }
}
