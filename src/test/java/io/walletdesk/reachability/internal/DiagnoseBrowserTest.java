package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.reachability.DiagnosticReport;
import io.walletdesk.reachability.DiagnosticReports;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Headless Chromium on a 360x740 phone runs /diagnose: the table fills in and a report id appears. */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class DiagnoseBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DiagnosticReports reports;

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPhoneRunsTheChecksAndGetsAReportIdForSupport() throws Exception {
        browser = Browsers.phone();
        browser.get("http://localhost:" + port + "/diagnose");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try {
            wait.until(d -> String.valueOf(((ChromeDriver) d).executeScript(
                    "return document.getElementById('diag-report-id').textContent;")).startsWith("DG-"));
        } catch (org.openqa.selenium.TimeoutException stuck) {
            screenshot("diagnose-phone-stuck");
            throw new AssertionError("No report id. Progress: "
                    + browser.findElement(By.id("diag-progress")).getAttribute("textContent") + " "
                    + browser.findElement(By.id("diag-progress")).getAttribute("data-response") + "; rows: "
                    + browser.executeScript("var r=document.querySelectorAll('#diag-results tbody tr'),o=[];"
                            + "for(var i=0;i<r.length;i++){o.push(r[i].id+'='+r[i].getAttribute('data-outcome')+':'"
                            + "+document.getElementById(r[i].id+'-value').textContent);}return o.join(', ');"), stuck);
        }
        screenshot("diagnose-phone");

        List<WebElement> rows = browser.findElements(By.cssSelector("#diag-results tbody tr"));
        assertThat(rows).hasSize(11);
        for (WebElement row : rows) {
            assertThat(row.getAttribute("data-outcome")).as(row.getAttribute("id")).isIn("pass", "warn", "fail", "skip");
        }
        // Other tests move the shared test clock forward, so the clock check may rightly warn here.
        assertThat(browser.findElement(By.id("check-clock")).getAttribute("data-outcome")).isIn("pass", "warn");
        assertThat(browser.findElement(By.id("check-clock-value")).getText()).matches("< 1 s|[\\d.]+ s (behind|ahead)");
        for (String id : new String[] {"online", "https", "websocket", "polling", "cookies", "storage", "browser"}) {
            assertThat(browser.findElement(By.id("check-" + id)).getAttribute("data-outcome")).as(id).isEqualTo("pass");
        }
        assertThat(browser.findElement(By.id("check-https-value")).getText()).contains("ms");
        assertThat(browser.findElement(By.id("check-websocket-advice")).getText()).isNotBlank();

        String reportId = browser.findElement(By.id("diag-report-id")).getText();
        WebElement attach = browser.findElement(By.id("diag-attach"));
        assertThat(attach.getAttribute("href")).endsWith("/support/message?report=" + reportId);
        assertThat(attach.isDisplayed()).isTrue();

        DiagnosticReport report = reports.find(reportId).orElseThrow();
        assertThat(report.browser()).startsWith("Chrome");
        assertThat(report.checks()).filteredOn(c -> c.id().equals("websocket")).first()
                .extracting(DiagnosticReport.Check::outcome).isEqualTo("pass");
        assertThat(report.summary()).contains(reportId, "Live chat connection");
        Object scrollWidth = browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(360);
    }

    @Test
    void aPhoneChecksALookAlikeOnTheVerifyPage() throws Exception {
        browser = Browsers.phone();
        browser.get("http://localhost:" + port + "/support/verify");
        browser.findElement(By.id("verify-value")).sendKeys("https://wa11etdesk-help.com/refund");
        browser.findElement(By.id("verify-submit")).click();
        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("verify-result")));
        assertThat(result.getAttribute("data-verdict")).isEqualTo("LIKELY_SCAM");
        assertThat(result.getText()).contains("Likely a scam");
        screenshot("verify-phone");
        Object scrollWidth = browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(360);
    }

    private void screenshot(String name) {
        Browsers.screenshot(browser, name);
    }
}
