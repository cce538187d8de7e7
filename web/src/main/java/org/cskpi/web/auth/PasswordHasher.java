package org.cskpi.web.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (pure Java, password4j), stored as PHC strings
 * ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}) so the parameters travel with the hash
 * and can be raised later without breaking old hashes.
 */
public final class PasswordHasher {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2, 1);

    private final Argon2Function function;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID, 19);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    /** Checks {@code password} against a stored PHC string, using the parameters in it. */
    public boolean matches(String password, String storedHash) {
        if (!storedHash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }
}
