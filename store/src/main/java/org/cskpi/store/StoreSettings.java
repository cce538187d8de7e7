package org.cskpi.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides how cskpi opens its H2 store.
 *
 * <ul>
 *   <li>{@code AUTO_SERVER=TRUE} (mixed mode): the first process to open the file serves it
 *       over TCP, so the batch jobs and the web app can have it open at once. H2 starts that
 *       server for all interfaces; {@link #BIND_ADDRESS}, which {@link Store} sets before H2
 *       loads, keeps it on loopback.</li>
 *   <li>{@code WRITE_DELAY=0}: H2's default keeps committed changes in memory for up to
 *       500 ms before writing them to the file, so a {@code kill -9} could lose a committed
 *       survey answer. With 0 every commit is written to the file before it returns; the OS
 *       keeps it through a process kill. (An OS crash or power loss is a different matter: H2
 *       does not fsync each commit.)</li>
 *   <li>{@code MAX_COMPACT_TIME=0}: no compaction when the database closes. H2 2.3.232's
 *       close-time compaction can write a final chunk whose root misses the last
 *       transactions, so the next process to open the file sees an older store and reuses the
 *       newer chunks' space. That is how a committed analyze publish (its run row, its KPI
 *       rows) vanished after {@code analyze} exited, mostly on a busy machine where the 200 ms
 *       compaction budget ran out mid-way. Without it the file keeps dead space, which later
 *       commits reuse.</li>
 *   <li>{@code NON_KEYWORDS=VALUE,HOUR}: the KPI store has columns named {@code value}
 *       and {@code hour} (docs/architecture.md#kpi-store); this lets analysts and jOOQ use
 *       them unquoted.</li>
 *   <li>{@code TRACE_LEVEL_FILE=0}: H2's default writes every failing statement, SQL text
 *       included, to {@code cskpi.trace.db}; analysts' queries and their literals stay out of
 *       it. Errors still reach the caller as exceptions.</li>
 * </ul>
 */
public final class StoreSettings {

    static final String FILE_OPTIONS =
            ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MAX_COMPACT_TIME=0;NON_KEYWORDS=VALUE,HOUR;TRACE_LEVEL_FILE=0";
    static final String MEMORY_OPTIONS = ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE,HOUR";

    /** The address the store's TCP server listens on (system property {@code h2.bindAddress}). */
    public static final String BIND_ADDRESS = "127.0.0.1";

    /** The admin user; its password is never empty ({@link StorePassword}). */
    static final String ADMIN = "SA";

    private StoreSettings() {
    }

    /**
     * Adds cskpi's settings to an H2 URL from the config ({@code store.url}); settings the
     * URL already carries win, so an operator can override any of them.
     */
    public static String withSettings(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("store.url must be an H2 JDBC URL (jdbc:h2:...), got: " + url);
        }
        String options = url.startsWith("jdbc:h2:mem:") ? MEMORY_OPTIONS : FILE_OPTIONS;
        StringBuilder result = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        for (String option : options.substring(1).split(";")) {
            String key = option.substring(0, option.indexOf('=') + 1);
            if (!upper.contains(";" + key)) {
                result.append(';').append(option);
            }
        }
        return result.toString();
    }

    /** A fresh private in-memory store URL, for tests. */
    public static String inMemory(String name) {
        return withSettings("jdbc:h2:mem:" + name);
    }

    /**
     * The database file path of a local file store ({@code jdbc:h2:PATH} or
     * {@code jdbc:h2:file:PATH}, without the H2 file suffix); empty for in-memory and server
     * ({@code tcp:}, {@code ssl:}) URLs.
     */
    static Optional<Path> filePath(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("(?i)(mem|tcp|ssl):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath());
    }

    static boolean isInMemory(String url) {
        return url.regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length());
    }
}
