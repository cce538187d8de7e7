package org.cskpi.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cskpi.reports.html.ReportAssets;
import org.cskpi.web.WebFeature;

/**
 * Every static file of the pages, served at {@code /assets/{name}} from this one list: the app's
 * style sheet and icon, the survey's style sheet and one-tap script, and the report's script,
 * style sheet and ECharts (from the reports module: the files the e-mailable report inlines), and
 * the query page's script, style sheet and SQL editor (CodeMirror 5, from its WebJar). Public:
 * there is no data in them. Read once at start; ECharts is ~1 MB and never changes while the app
 * runs.
 *
 * <p>One cache policy: {@code no-cache} with a strong ETag. A browser keeps each file and asks on
 * each use whether it changed: a bodiless 304 while it did not, so a new version of the app shows
 * its new files at once and ECharts is downloaded once per version.
 */
public final class Assets implements WebFeature {

    static final String CACHE_CONTROL = "no-cache";
    /** The web module's own files, under {@code assets/} on the classpath. */
    private static final List<String> OWN = List.of("app.css", "favicon.svg", "survey.css", "survey.js",
            "query.css", "query.js", "saved-queries.js");
    /** CodeMirror's editor, style sheet and SQL mode, by the name they are served under. */
    private static final Map<String, String> CODEMIRROR = Map.of(
            "codemirror.js", "lib/codemirror.js",
            "codemirror.css", "lib/codemirror.css",
            "codemirror-sql.js", "mode/sql/sql.js");
    private static final String CODEMIRROR_POM = "/META-INF/maven/org.webjars.npm/codemirror/pom.properties";
    private static final List<String> REPORT = List.of(ReportAssets.STYLESHEET, ReportAssets.STARTER, ReportAssets.ECHARTS);

    private record Asset(byte[] content, String contentType, String etag) {
    }

    private final Map<String, Asset> files;

    public Assets() {
        Map<String, Asset> all = new HashMap<>();
        OWN.forEach(name -> all.put(name, asset(name, own(name))));
        REPORT.forEach(name -> all.put(name, asset(name, ReportAssets.content(name).getBytes(StandardCharsets.UTF_8))));
        String codeMirror = "/META-INF/resources/webjars/codemirror/" + codeMirrorVersion() + "/";
        CODEMIRROR.forEach((name, path) -> all.put(name, asset(name, read(codeMirror + path))));
        this.files = Map.copyOf(all);
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/assets/{name}", this::serve);
    }

    private void serve(Context ctx) {
        Asset asset = files.get(ctx.pathParam("name"));
        if (asset == null) {
            throw new NotFoundResponse("No such file.");
        }
        ctx.header("Cache-Control", CACHE_CONTROL).header("ETag", asset.etag());
        if (matches(ctx.header("If-None-Match"), asset.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.content());
    }

    /** Whether an {@code If-None-Match} value names {@code etag} (or is {@code *}); weak forms count. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static Asset asset(String name, byte[] content) {
        return new Asset(content, contentType(name), etag(content));
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new IllegalArgumentException("no content type for asset " + name);
    }

    private static String etag(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The CodeMirror version of the WebJar on the class path (pinned in the root pom). */
    static String codeMirrorVersion() {
        Properties pom = new Properties();
        try (InputStream in = new ByteArrayInputStream(read(CODEMIRROR_POM))) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CODEMIRROR_POM, e);
        }
        return pom.getProperty("version");
    }

    private static byte[] own(String name) {
        return read("/assets/" + name);
    }

    private static byte[] read(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
