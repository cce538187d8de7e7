package org.cskpi.ingest.validate;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises customer e-mail addresses (docs/architecture.md#customer-ids: never stored
 * in clear): HMAC-SHA256 under {@code ingest.customer_key} of the trimmed, lower-cased
 * address, as 64 hex digits. The same address under the same key always gives the same id,
 * so repeat contacts still join; without the key the id cannot be turned back into the
 * address by hashing guesses.
 */
public final class CustomerHash implements Serializable {

    private final byte[] key;
    private transient Mac mac;

    public CustomerHash(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public String of(String email) {
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            }
            byte[] digest = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
