package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.WalletDeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C6 on a 360-px phone: search in Indonesian with a typo, read the article, vote, all with the keyboard-free basics. */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class HelpCentreBrowserTest {

    @LocalServerPort
    int port;

    private ChromeDriver phone;

    @AfterEach
    void close() {
        if (phone != null) {
            phone.quit();
        }
    }

    @Test
    void aCustomerFindsTheArticleInIndonesianReadsItAndVotes() throws Exception {
        phone = Browsers.phone();
        phone.get("http://localhost:" + port + "/help");
        phone.manage().addCookie(new Cookie("wd_lang", "id"));
        phone.get("http://localhost:" + port + "/help");
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("Pusat bantuan");
        phone.findElement(By.id("help-q")).sendKeys("saldo top up gak masuk udah bayar");
        phone.findElement(By.cssSelector("#help-search-form button")).click();
        Browsers.onNewPage(phone, By.cssSelector("#help-results mark"));
        phone.findElement(By.cssSelector("#help-results a[href='/help/topup-not-received']")).click();
        assertThat(Browsers.onNewPage(phone, By.id("help-article")).getAttribute("lang")).isEqualTo("id");
        Object overflow = phone.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        phone.findElement(By.cssSelector("#vote button[value='yes']")).click();
        assertThat(Browsers.onNewPage(phone, By.id("vote-thanks")).getText()).contains("Terima kasih");
        assertThat(phone.findElement(By.id("help-contact")).getAttribute("href")).endsWith("/support/message?article=topup-not-received");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(phone.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("31-help-article-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
