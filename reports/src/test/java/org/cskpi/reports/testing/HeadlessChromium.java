package org.cskpi.reports.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The one headless Chromium of a test JVM, driven by Debian's chromedriver: started on first
 * use, quit when the JVM exits. The network is off (every proxied request goes to a closed port
 * and no host name but the loopback resolves), so a page that reaches for a CDN fails loudly.
 * A missing browser fails the test rather than skipping it: {@code .ci/run} installs both
 * packages.
 */
final class HeadlessChromium {

    /**
     * Runs in every document before the page's own scripts (injected over CDP, so the page's
     * CSP does not apply to it) and turns each CSP violation into a console error, which
     * {@link Chromium#takeProblems()} collects with the rest.
     */
    static final String CSP_LISTENER = """
            document.addEventListener('securitypolicyviolation', function (e) {
                console.error('CSP violation: ' + e.effectiveDirective + ' refused '
                    + e.blockedURI + ' in ' + e.sourceFile + ':' + e.lineNumber);
            }, true);
            """;

    private static ChromeDriver driver;
    private static RuntimeException startFailure;

    private HeadlessChromium() {
    }

    /** The running browser, started now if this is the first call of the JVM. */
    static synchronized ChromeDriver driver() {
        if (startFailure != null) {
            throw new IllegalStateException(startFailure.getMessage(), startFailure);
        }
        if (driver == null) {
            try {
                driver = start(configured("CHROMIUM", "/usr/bin/chromium"),
                        configured("CHROMEDRIVER", "/usr/bin/chromedriver"));
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            ChromeDriver started = driver;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        }
        return driver;
    }

    static ChromeDriver start(Path chromium, Path chromedriver) {
        requireExecutable(chromium, "CHROMIUM");
        requireExecutable(chromedriver, "CHROMEDRIVER");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver started = new ChromeDriver(service, options(chromium));
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        started.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
        return started;
    }

    private static ChromeOptions options(Path chromium) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--lang=en-US", "--hide-scrollbars",
                "--window-size=" + Viewport.DESKTOP.width() + "," + Viewport.DESKTOP.height(),
                "--proxy-server=127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    private static Path configured(String variable, String fallback) {
        String value = System.getenv(variable);
        return Path.of(value != null && !value.isBlank() ? value : fallback);
    }

    private static void requireExecutable(Path file, String variable) {
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException("The browser tests need headless Chromium and its chromedriver, and "
                    + file + " is not an executable file. Install Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run does), or set " + variable
                    + " to its path.");
        }
    }
}
