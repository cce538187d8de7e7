package org.cskpi.reports.html;

/** How a report page gets its script and style sheet. */
public sealed interface ScriptMode {

    /** Everything inside the one file: ECharts, the chart starter and the CSS (the e-mailable report). */
    static ScriptMode inline() {
        return new Inline();
    }

    /**
     * Linked from {@code assetBase} (e.g. {@code /assets}): {@code echarts.min.js},
     * {@code cskpi-report.js} and {@code cskpi-report.css}, see {@link ReportAssets}. The page then has no
     * inline script or style, so it works under {@code script-src 'self'; style-src 'self'}.
     */
    static ScriptMode linked(String assetBase) {
        return new Linked(assetBase);
    }

    record Inline() implements ScriptMode {
    }

    record Linked(String assetBase) implements ScriptMode {
        public Linked {
            assetBase = assetBase.endsWith("/") ? assetBase.substring(0, assetBase.length() - 1) : assetBase;
        }

        public String url(String asset) {
            return assetBase + "/" + asset;
        }
    }
}
