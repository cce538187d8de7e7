package org.cskpi.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one shape of every error under {@code /api/}: {@code {"error": {"status": 400, "code":
 * "bad_request", "message": "..."}}} (docs/web.md#json-api-errors; {@code Error} in
 * {@code /api/openapi.json}). {@code code} is the status in words unless a call names its own
 * (a 409 of {@code POST /api/invitations} gives its reason); {@code message} is for people.
 */
public record ApiError(@JsonProperty("status") int status, @JsonProperty("code") String code,
                       @JsonProperty("message") String message) {

    /** An error with the status's own code: 404 is {@code not_found}, 429 {@code too_many_requests}. */
    public static ApiError of(int status, String message) {
        String phrase = HttpStatus.forStatus(status).getMessage();
        String words = phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return new ApiError(status, words, message == null || message.isBlank() ? phrase : message);
    }

    /** Whether {@code ctx} is a call of the JSON API, so that its errors take this shape. */
    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** The response body: this error under {@code "error"}, then {@code extra} members (kept for older clients). */
    public Map<String, Object> body(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", this);
        body.putAll(extra);
        return body;
    }

    public void send(Context ctx) {
        ctx.status(status).json(body(Map.of()));
    }
}
