package org.cskpi.reports.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core run in the page the browser shows. The script is {@code axe.min.js} from Deque's
 * {@code com.deque.html.axe-core:selenium} artifact (MPL-2.0; the version is pinned in the root
 * pom), injected through the driver, so no CDN is involved and the page's CSP does not apply.
 */
final class Axe {

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(
                function (results) { done(JSON.stringify(results.violations)); },
                function (error) { done('axe failed: ' + error); });
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    static List<AxeViolation> run(ChromeDriver driver) {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(source());
        }
        String result = (String) driver.executeAsyncScript(RUN);
        if (result.startsWith("axe failed")) {
            throw new IllegalStateException(result);
        }
        return parse(result);
    }

    private static List<AxeViolation> parse(String json) {
        try {
            List<AxeViolation> violations = new ArrayList<>();
            for (JsonNode rule : JSON.readTree(json)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : rule.path("nodes")) {
                    targets.add(selector(node.path("target")));
                }
                violations.add(new AxeViolation(rule.path("id").asText(), rule.path("impact").asText(),
                        rule.path("help").asText(), rule.path("helpUrl").asText(), targets));
            }
            return violations;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("axe-core returned something other than JSON: " + json, e);
        }
    }

    /** axe's target is a list of selectors, one per shadow root on the way; usually just one. */
    private static String selector(JsonNode target) {
        List<String> parts = new ArrayList<>();
        target.forEach(part -> parts.add(part.isTextual() ? part.asText() : part.toString()));
        return String.join(" >>> ", parts);
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath: add the test dependency "
                            + "com.deque.html.axe-core:selenium (version pinned in the root pom)");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
