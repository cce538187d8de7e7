package org.cskpi.reports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a browser test holds: the JVM's one headless Chromium ({@link HeadlessChromium}), seen
 * from one test class. {@link ChromiumExtension} hands it out, resets it before each test, and
 * fails the test on any console error or CSP violation it left in {@link #takeProblems()}.
 */
public final class Chromium {

    private final ChromeDriver driver;
    private final String testClass;
    private Viewport viewport = Viewport.DESKTOP;

    Chromium(ChromeDriver driver, Class<?> testClass) {
        this.driver = driver;
        this.testClass = testClass.getSimpleName();
    }

    /** Selenium's driver, for finding elements, typing, hovering and running script. */
    public ChromeDriver driver() {
        return driver;
    }

    public Chromium open(String url) {
        driver.get(url);
        return this;
    }

    /** Waits up to 30 s for {@code condition} to hold (be true or non-null) and returns its value. */
    public <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    /** A 360 px wide phone (mobile viewport, 2 device pixels per CSS pixel) until told otherwise. */
    public Chromium atPhoneWidth() {
        return at(Viewport.PHONE);
    }

    /** A 1366 px wide laptop screen, the width each test starts at. */
    public Chromium atDesktopWidth() {
        return at(Viewport.DESKTOP);
    }

    public Chromium at(Viewport wanted) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", wanted.deviceMetrics());
        viewport = wanted;
        settle();
        return this;
    }

    public Viewport viewport() {
        return viewport;
    }

    /**
     * How many CSS pixels the page sticks out sideways past the viewport (0 when it fits). Not
     * {@code window.innerWidth}: at a mobile viewport it grows to fit whatever sticks out.
     */
    public int sidewaysOverflow() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return Math.max(0, ((Number) overflow).intValue());
    }

    /**
     * Saves the whole page at phone and at desktop width, as
     * {@code target/screenshots/<TestClass>/<name>-<width>.png} (a CI artefact), then goes back
     * to the width the test was at.
     */
    public List<Path> screenshot(String name) {
        Viewport before = viewport;
        List<Path> saved = new ArrayList<>();
        for (Viewport each : List.of(Viewport.PHONE, Viewport.DESKTOP)) {
            at(each);
            saved.add(save(name + "-" + each.width() + ".png", true));
        }
        at(before);
        return saved;
    }

    /** The viewport only, as it is now (an open tooltip stays open), saved under {@code name}. */
    public Path screenshotAsIs(String name) {
        return save(name + "-" + viewport.width() + ".png", false);
    }

    /**
     * Console errors (a refused script or style, a failed load, an uncaught exception) and CSP
     * violations since the last read, each as "source - message"; reading them clears the console.
     */
    public List<String> takeProblems() {
        return takeConsole(Level.SEVERE);
    }

    /** Every console message since the last read, whatever its level; reading them clears the console. */
    public List<String> takeConsoleMessages() {
        return takeConsole(Level.ALL);
    }

    private List<String> takeConsole(Level atLeast) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= atLeast.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Every axe-core violation on the page as it is now, whatever its impact. */
    public List<AxeViolation> axeViolations() {
        return Axe.run(driver);
    }

    /** Fails, listing each, on any serious or critical axe-core violation on the page as it is now. */
    public void assertAccessible(String page) {
        List<AxeViolation> serious = axeViolations().stream().filter(AxeViolation::seriousOrWorse).toList();
        if (!serious.isEmpty()) {
            throw new AssertionError(serious.size() + " serious or critical axe-core violation(s) on " + page
                    + " at " + viewport.width() + " px:\n" + AxeViolation.describe(serious));
        }
    }

    /** Back to a blank desktop page with no cookies and an empty console, before each test. */
    void reset() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        at(Viewport.DESKTOP);
        takeConsoleMessages();
    }

    private Path save(String file, boolean wholePage) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", wholePage));
        try {
            Path saved = Path.of("target", "screenshots", testClass, file);
            Files.createDirectories(saved.getParent());
            return Files.write(saved, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the page lay itself out at the new size: its resize handlers run, two frames are drawn. */
    private void settle() {
        driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
    }
}
