package org.cskpi.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The configured API key ({@code web.api_key}). Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken tells nothing about the key, not even its length.
 */
public final class ApiKey {

    private final Optional<byte[]> digest;

    public ApiKey(Optional<String> key) {
        this.digest = key.filter(k -> !k.isBlank()).map(ApiKey::sha256);
    }

    public boolean configured() {
        return digest.isPresent();
    }

    public boolean matches(String given) {
        return digest.isPresent() && given != null && MessageDigest.isEqual(digest.get(), sha256(given));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
