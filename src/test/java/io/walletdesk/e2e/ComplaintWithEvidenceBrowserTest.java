package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer on a phone sends a screenshot in the chat widget, downloads the conversation's evidence bundle
 * (whose manifest matches its files) and files a formal complaint about the conversation.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class ComplaintWithEvidenceBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void screenshotEvidenceBundleAndComplaint() throws Exception {
        String phone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(phone, TestData.email(), "Tuti Handayani", "en",
                TestData.PASSWORD), ClientInfo.system());
        Path downloads = Files.createTempDirectory("walletdesk-downloads");
        browser = Browsers.phone(downloads);

        browser.get(url("/login"));
        browser.findElement(By.id("identifier")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor().until(d -> !d.getCurrentUrl().endsWith("/login"));

        browser.get(url("/support"));
        waitFor().until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("wd-input")))
                .sendKeys("My transfer of Rp300.000 failed but the money left my wallet");
        browser.findElement(By.id("wd-send")).click();
        waitFor().until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.cssSelector("#wd-messages li.wd-mine")),
                "data-status"));

        byte[] png = new byte[4096];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, png, 0, signature.length);
        Path screenshot = Files.createTempFile("transfer-failed", ".png");
        Files.write(screenshot, png);
        browser.findElement(By.id("wd-file")).sendKeys(screenshot.toAbsolutePath().toString());
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-messages"), "[attachment]"));

        browser.get(url("/support"));
        browser.findElement(By.cssSelector("#my-conversations a")).click();
        String reference = browser.findElement(By.tagName("h1")).getText().replaceAll(".*(WD-\\d+).*", "$1");
        assertThat(browser.findElement(By.id("messages")).getText()).contains(".png");
        browser.findElement(By.linkText("Download the evidence bundle (ZIP)")).click();
        Path bundle = downloads.resolve(reference + "-evidence.zip");
        waitFor().until(d -> Files.exists(bundle) && bundle.toFile().length() > 0);
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(bundle)))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(files.keySet()).anyMatch(name -> name.startsWith("attachments/") && name.endsWith(".png"));
        for (String line : new String(files.get("manifest.sha256")).split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(Digests.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }

        browser.get(url("/support"));
        waitFor().until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        waitFor().until(ExpectedConditions.elementToBeClickable(By.id("wd-complaint"))).click();
        waitFor().until(d -> d.getCurrentUrl().endsWith("/support/complaints"));
        new Select(browser.findElement(By.id("category"))).selectByValue("TRANSFER");
        browser.findElement(By.id("description")).sendKeys("The transfer failed and I was charged; please return the money.");
        browser.findElement(By.id("conversation")).sendKeys(reference);
        browser.findElement(By.id("file-complaint")).click();
        waitFor().until(d -> d.getCurrentUrl().matches(".*/support/complaints/CMP-\\d{4}-\\d{6}$"));
        assertThat(browser.findElement(By.id("complaint-status")).getText()).isEqualTo("Received");
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }
}
