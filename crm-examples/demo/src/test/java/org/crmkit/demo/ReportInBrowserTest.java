package org.crmkit.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The demo's report as a person sees it: opened in a real headless Chromium (Debian's, installed by
 * {@code .ci/with-browser}), every chart laid out with a size, every mark of it drawn with an area, every chart
 * captioned; a full-page screenshot is kept as {@code target/report-screenshot.png}. Skipped where there is no
 * browser, unless {@code CRMKIT_REQUIRE_BROWSER=true} (as in CI), which makes a missing browser a failure.
 */
class ReportInBrowserTest {
    private static final String CHARTS = "return [...document.querySelectorAll('figure.chart')].map(f => {"
            + " const svg = f.querySelector('svg'); const box = svg.getBoundingClientRect();"
            + " const marks = [...svg.querySelectorAll('.mark')];"
            + " const drawn = marks.filter(m => { const b = m.getBBox(); return b.width > 0 && b.height > 0; });"
            + " const caption = f.querySelector('figcaption');"
            + " return {title: svg.querySelector('title').textContent, width: box.width, height: box.height,"
            + " marks: marks.length, drawn: drawn.length, caption: caption ? caption.textContent.trim() : ''}; });";

    @Test
    void everyChartRendersInChromium(@TempDir Path profile) throws IOException {
        Path chromium = Path.of(System.getenv().getOrDefault("CRMKIT_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("CRMKIT_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            if (Boolean.parseBoolean(System.getenv("CRMKIT_REQUIRE_BROWSER"))) {
                fail("CRMKIT_REQUIRE_BROWSER is true but " + chromium + " or " + driver + " is missing");
            }
            Assumptions.abort("no Chromium here: run the tests through .ci/with-browser");
        }
        Report report = new Report();
        Path folder = Path.of("target", "report-in-browser");
        Path page = new Demo(new PrintStream(OutputStream.nullOutputStream()), 1_000, folder, report).run();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // As the machine's notes advise for a root user on a closed network: no sandbox, no background traffic.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=900,1200");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(page.toAbsolutePath().toUri().toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> charts = (List<Map<String, Object>>) ((JavascriptExecutor) browser)
                    .executeScript(CHARTS);
            assertEquals(report.charts(), charts.size(), "every chart written is on the page");
            assertTrue(charts.size() >= 17, "a chart for each of the twelve cases and the population: " + charts);
            for (Map<String, Object> chart : charts) {
                String title = (String) chart.get("title");
                assertTrue(((Number) chart.get("width")).doubleValue() > 0
                        && ((Number) chart.get("height")).doubleValue() > 0, "laid out: " + chart);
                long marks = ((Number) chart.get("marks")).longValue();
                assertTrue(marks > 0, "has marks: " + title);
                assertEquals(marks, ((Number) chart.get("drawn")).longValue(), "every mark drawn: " + title);
                assertFalse(((String) chart.get("caption")).isBlank(), "captioned: " + title);
            }
            long height = ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollHeight")).longValue();
            browser.manage().window().setSize(new Dimension(900, (int) Math.min(height, 30_000)));
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(Path.of("target", "report-screenshot.png")) > 10_000, "a screenshot with content");
        } finally {
            browser.quit();
        }
    }
}
