import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Customer pages on a bad network (issue 17), in Debian's headless Chromium at 360x740 with DevTools network
 * emulation (Network.emulateNetworkConditions: 400 ms latency, 400 kbps down and up, "Slow 3G" as the issue
 * defines it). Per page: first contentful paint and bytes transferred (Resource Timing transferSize of the
 * document and every subresource, the chat widget's requests included), cold (empty cache, new cookies) and warm
 * (the same browser, after a visit to another page). Median of RUNS runs.
 *
 *   java -cp <selenium on the test class path> bench/PageLoadBench.java http://127.0.0.1:18090
 * Run through bench/run-page-bench.sh, which starts the application first.
 */
public class PageLoadBench {

    static final List<String> PAGES = List.of(System.getProperty("pages",
            "/,/support,/help,/help/cs-unreachable,/status,/diagnose,/verify,/login").split(","));
    static final int RUNS = Integer.getInteger("runs", 3);

    record Sample(double fcpMillis, long bytes, int requests) {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18090";
        System.out.printf("| page | cold FCP | cold bytes | cold requests | warm FCP | warm bytes | warm requests |%n");
        System.out.printf("|---|---:|---:|---:|---:|---:|---:|%n");
        for (String page : PAGES) {
            List<Sample> cold = new ArrayList<>();
            List<Sample> warm = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                ChromeDriver browser = start();
                try {
                    slow3g(browser);
                    cold.add(load(browser, base + page));
                    browser.get("about:blank");   // away first, so the next load is a plain navigation (not a reload)
                    warm.add(load(browser, base + page));
                } finally {
                    browser.quit();
                }
            }
            Sample c = median(cold);
            Sample w = median(warm);
            System.out.printf("| `%s` | %,.0f ms | %,d B | %d | %,.0f ms | %,d B | %d |%n", page, c.fcpMillis(), c.bytes(),
                    c.requests(), w.fcpMillis(), w.bytes(), w.requests());
        }
    }

    static ChromeDriver start() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=id-ID", "--window-size=360,740",
                "--user-data-dir=" + Files.createTempDirectory("walletdesk-bench-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    static void slow3g(ChromeDriver browser) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
                "downloadThroughput", 400_000 / 8, "uploadThroughput", 400_000 / 8));
    }

    /** Loads the page, waits until no new request has started for 1.5 s, reads FCP and the transfer sizes. */
    @SuppressWarnings("unchecked")
    static Sample load(ChromeDriver browser, String url) throws InterruptedException {
        browser.get(url);
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 1_500_000_000L) {
            Thread.sleep(250);
            int now = ((Number) browser.executeScript("return performance.getEntriesByType('resource').length;")).intValue();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
        Map<String, Object> result = (Map<String, Object>) browser.executeScript("""
                var paint = performance.getEntriesByName('first-contentful-paint')[0];
                var entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                var bytes = 0, requests = 0;
                entries.forEach(function (e) { bytes += e.transferSize || 0; if (e.transferSize > 0) { requests++; } });
                return { fcp: paint ? paint.startTime : -1, bytes: bytes, requests: requests };
                """);
        return new Sample(((Number) result.get("fcp")).doubleValue(), ((Number) result.get("bytes")).longValue(),
                ((Number) result.get("requests")).intValue());
    }

    static Sample median(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        Collections.sort(sorted, (a, b) -> Double.compare(a.fcpMillis(), b.fcpMillis()));
        Sample middle = sorted.get(sorted.size() / 2);
        List<Long> bytes = new ArrayList<>(samples.stream().map(Sample::bytes).toList());
        Collections.sort(bytes);
        return new Sample(middle.fcpMillis(), bytes.get(bytes.size() / 2), middle.requests());
    }
}
