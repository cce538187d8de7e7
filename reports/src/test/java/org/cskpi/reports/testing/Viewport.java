package org.cskpi.reports.testing;

import java.util.Map;

/**
 * A CSS viewport the browser emulates (CDP {@code Emulation.setDeviceMetricsOverride}):
 * headless Chromium keeps real windows at least 500 px wide, so a phone can only be emulated.
 */
public record Viewport(int width, int height, boolean mobile, double scale) {

    public static final Viewport PHONE = new Viewport(360, 740, true, 2);
    public static final Viewport DESKTOP = new Viewport(1366, 900, false, 1);

    /** How a parameterized test names it. */
    @Override
    public String toString() {
        return width + " px";
    }

    Map<String, Object> deviceMetrics() {
        return Map.of("width", width, "height", height, "mobile", mobile, "deviceScaleFactor", scale);
    }
}
