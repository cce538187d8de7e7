package org.cskpi.reports.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one way to drive a browser in tests: {@code @ExtendWith(ChromiumExtension.class)} and take
 * a {@link Chromium} parameter (in a test, a constructor or a {@code @BeforeAll}). Each test starts
 * on a blank desktop-width page without cookies, and fails if a page it opened logged a console
 * error or violated its Content Security Policy.
 */
public final class ChromiumExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        chromium(context).reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = chromium(context).takeProblems();
        if (!problems.isEmpty()) {
            throw new AssertionError("console errors or CSP violations on the pages this test opened:\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return chromium(context);
    }

    private static Chromium chromium(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                key -> new Chromium(HeadlessChromium.driver(), testClass), Chromium.class);
    }
}
