package io.walletdesk.testing;

import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Starts Debian's headless Chromium through its ChromeDriver: no downloads, no network beyond loopback. */
public final class Browsers {

    private Browsers() {
    }

    /**
     * An element of the page a click opened, once that page is there: up to 20 s, asking again while Chrome still
     * answers for the old document (stale or foreign nodes). Reading at once would read the page the click left.
     */
    public static org.openqa.selenium.WebElement onNewPage(org.openqa.selenium.WebDriver browser,
            org.openqa.selenium.By element) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(element));
    }

    public static ChromeDriver phone() {
        return start(360, 740);
    }

    public static ChromeDriver start(int width, int height) {
        return start(width, height, null);
    }

    /** A phone-sized browser that saves downloads into {@code downloads}. */
    public static ChromeDriver phone(java.nio.file.Path downloads) {
        return start(360, 740, downloads);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, for review. */
    public static void screenshot(ChromeDriver browser, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.copy(browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ChromeDriver start(int width, int height, java.nio.file.Path downloads) {
        try {
            ChromeOptions options = new ChromeOptions();
            if (downloads != null) {
                options.setExperimentalOption("prefs", java.util.Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false));
            }
            options.setBinary(ChromiumAvailable.browser().toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--lang=en-US", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("walletdesk-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(ChromiumAvailable.driver().toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
