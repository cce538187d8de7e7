package org.cskpi.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.cskpi.cli.UserError;
import org.cskpi.config.ConfigException;
import org.cskpi.files.OwnerOnly;

/**
 * The store's admin password and where it came from. Never empty:
 *
 * <ul>
 *   <li>{@code store.password} from the config, when set (required for a server URL);</li>
 *   <li>for a local file store, a random one in an owner-only file beside the database
 *       ({@code DATA_DIR/cskpi.password} by default), written by the first process that opens
 *       the store and read by every later one;</li>
 *   <li>for an in-memory store, which only its own JVM can reach, a random one per JVM.</li>
 * </ul>
 */
record StorePassword(String value, String source) {

    static final String FILE_SUFFIX = ".password";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final StorePassword IN_MEMORY = new StorePassword(generate(), "this JVM");

    static StorePassword of(String url, Optional<String> configured) {
        if (configured.isPresent()) {
            return new StorePassword(configured.get(), "store.password in the config");
        }
        if (StoreSettings.isInMemory(url)) {
            return IN_MEMORY;
        }
        Path database = StoreSettings.filePath(url).orElseThrow(() -> new ConfigException(
                "store.password: required when store.url names a server (" + url.split(";")[0] + ")"));
        Path file = fileFor(database);
        return new StorePassword(readOrCreate(file), file.toString());
    }

    static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + FILE_SUFFIX);
    }

    /** 256 random bits, URL-safe base64: nothing in it needs quoting in a URL or an SQL literal. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String password = Files.readString(file).strip();
            if (password.isEmpty()) {
                throw new UserError(file + ": the store password file is empty; restore it, or set store.password");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the store password file " + file, e);
        }
    }

    /**
     * Writes the password to an owner-only temporary file, then links it under its name: the
     * link either appears complete or fails because another process starting at the same
     * moment made it first, and then that one's password is used.
     */
    private static void create(Path file) throws IOException {
        Path dir = OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp"); // mode 600 on POSIX
        try {
            Files.writeString(temp, generate() + "\n");
            link(temp, file);
        } catch (FileAlreadyExistsException e) {
            // another process made it first: its password is the store's
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void link(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temp, file); // no hard links here: a rename, which also refuses an existing file
        }
    }
}
