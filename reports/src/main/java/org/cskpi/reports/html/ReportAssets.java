package org.cskpi.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The static files a report page needs, read from the classpath: ECharts from the
 * {@code org.webjars:echarts} artifact (never a CDN) and the report's own script and CSS.
 * The web app serves these at the base it passes to {@link ScriptMode#linked}.
 */
public final class ReportAssets {

    public static final String ECHARTS = "echarts.min.js";
    public static final String STARTER = "cskpi-report.js";
    public static final String STYLESHEET = "cskpi-report.css";

    private static final String OWN = "/org/cskpi/reports/html/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/echarts/pom.properties";

    private ReportAssets() {
    }

    /** The ECharts version of the WebJar on the classpath. */
    public static String echartsVersion() {
        Properties pom = new Properties();
        try (InputStream in = open(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
        }
        return pom.getProperty("version");
    }

    /** The content of {@link #ECHARTS}, {@link #STARTER} or {@link #STYLESHEET}. */
    public static String content(String asset) {
        String path = switch (asset) {
            case ECHARTS -> "/META-INF/resources/webjars/echarts/" + echartsVersion() + "/echarts.min.js";
            case STARTER, STYLESHEET -> OWN + asset;
            default -> throw new IllegalArgumentException("no report asset named " + asset);
        };
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The MIME type to serve an asset with. */
    public static String contentType(String asset) {
        return asset.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = ReportAssets.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not on the classpath (is org.webjars:echarts a dependency?)");
        }
        return in;
    }
}
