package org.cskpi.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that does not follow redirects, like a browser tab under test. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String origin;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Optional<String> forwardedFor;

    public Browser(int port) {
        this(port, Optional.empty());
    }

    private Browser(int port, Optional<String> forwardedFor) {
        this.origin = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        this.forwardedFor = forwardedFor;
    }

    /** A browser at client address {@code address}, as a trusted proxy ({@link TestApp}) reports it. */
    public static Browser at(int port, String address) {
        return new Browser(port, Optional.of(address));
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        forwardedFor.ifPresent(address -> request.header("X-Forwarded-For", address));
        return request;
    }

    /** The CSRF token in a page's forms. */
    public static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in page:\n" + html);
        }
        return m.group(1);
    }

    /** Opens the login page, then posts the form with its token. */
    public HttpResponse<String> logIn(String username, String password) {
        String token = csrfIn(get("/login").body());
        return post("/login", form("csrf", token, "username", username, "password", password, "next", "/query"));
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("cskpi_session")).map(HttpCookie::getValue).findFirst();
    }

    public static Map<String, String> form(String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }

    /** The URI of {@code path} on the server under test, for a request built by hand. */
    public URI uri(String path) {
        return URI.create(origin + path);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
