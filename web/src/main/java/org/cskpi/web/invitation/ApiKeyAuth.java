package org.cskpi.web.invitation;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the API key ({@code web.api_key}) sent as {@code Authorization: Bearer KEY} or
 * {@code X-Api-Key: KEY}. Both sides are hashed first and compared with
 * {@link MessageDigest#isEqual} (constant time for equal lengths), so neither the key's
 * characters nor its length leak through timing. Without a configured key every call is
 * refused.
 */
public final class ApiKeyAuth {

    private final Optional<byte[]> expected;

    public ApiKeyAuth(Optional<String> apiKey) {
        this.expected = apiKey.filter(key -> !key.isBlank()).map(ApiKeyAuth::digest);
    }

    /** Throws 401 unless the request carries the configured key. */
    public void require(Context ctx) {
        String sent = presented(ctx);
        boolean ok = expected.isPresent() && sent != null && MessageDigest.isEqual(expected.get(), digest(sent));
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("A valid API key is required.");
        }
    }

    private static String presented(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return ctx.header("X-Api-Key");
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
