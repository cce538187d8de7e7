package org.cskpi.web.query;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.cskpi.store.Store;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Connections for /query, read-only by construction: they log in as {@code CSKPI_QUERY}, the
 * non-admin user of migration V2_2 that holds SELECT on the {@code ANALYST} views and nothing
 * else, with {@code SCHEMA=ANALYST} so analysts write table names unqualified. Each connection
 * is also marked read-only and opened with {@code ACCESS_MODE_DATA=r} (H2 applies that only
 * when the connection opens the database; the user's rights hold in every case).
 *
 * <p>At open a fresh random password is set for the user (as the store's admin), so the
 * password in the migration never works against a running app.
 */
public final class QueryDatabase implements AutoCloseable {

    static final String USER = "CSKPI_QUERY";
    static final String SCHEMA = "ANALYST";
    private static final int MAX_CONNECTIONS = 4;
    private static final Set<String> ADMIN_SETTINGS =
            Set.of("DB_CLOSE_DELAY", "WRITE_DELAY", "TRACE_LEVEL_FILE", "ACCESS_MODE_DATA", "SCHEMA");

    private final JdbcConnectionPool pool;

    private QueryDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    public static QueryDatabase open(Store store) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        store.dsl().execute("ALTER USER " + USER + " SET PASSWORD ?", password);
        JdbcConnectionPool pool = JdbcConnectionPool.create(queryUrl(store.url()), USER, password);
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new QueryDatabase(pool);
    }

    /**
     * The store URL without the database-wide settings only an admin may set (DB_CLOSE_DELAY,
     * WRITE_DELAY, TRACE_LEVEL_FILE: the admin connections already set them), plus the
     * read-only settings.
     */
    static String queryUrl(String storeUrl) {
        StringBuilder url = new StringBuilder();
        for (String part : storeUrl.split(";")) {
            String key = part.contains("=") ? part.substring(0, part.indexOf('=')).trim().toUpperCase(Locale.ROOT) : "";
            if (!ADMIN_SETTINGS.contains(key)) {
                url.append(url.length() == 0 ? "" : ";").append(part);
            }
        }
        return url + ";ACCESS_MODE_DATA=r;SCHEMA=" + SCHEMA;
    }

    Connection connection() throws SQLException {
        Connection connection = pool.getConnection();
        connection.setReadOnly(true);
        return connection;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
