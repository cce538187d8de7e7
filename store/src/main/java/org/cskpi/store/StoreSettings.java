package org.cskpi.store;

/**
 * The one place that decides how cskpi opens its H2 store.
 *
 * <ul>
 *   <li>{@code AUTO_SERVER=TRUE} (mixed mode): the first process to open the file serves it
 *       over TCP on loopback, so the batch jobs and the web app can have it open at once.</li>
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
 *   <li>{@code NON_KEYWORDS=VALUE,HOUR}: KPIS.md names the columns {@code value} and
 *       {@code hour}; this lets analysts and jOOQ use them unquoted.</li>
 * </ul>
 */
public final class StoreSettings {

    static final String FILE_OPTIONS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MAX_COMPACT_TIME=0;NON_KEYWORDS=VALUE,HOUR";
    static final String MEMORY_OPTIONS = ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE,HOUR";

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
        String upper = url.toUpperCase(java.util.Locale.ROOT);
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
}
