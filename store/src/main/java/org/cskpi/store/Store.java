package org.cskpi.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** An open KPI store: a small connection pool and the jOOQ context over it. */
public final class Store implements AutoCloseable {

    static {
        // H2 reads h2.bindAddress once, when its SysProperties class initialises: this runs
        // before Store first touches H2, so the AUTO_SERVER listens on loopback only.
        System.setProperty("h2.bindAddress", StoreSettings.BIND_ADDRESS);
    }

    private final String url;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    private Store(String url, JdbcConnectionPool pool) {
        this.url = url;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2);
    }

    /** Opens the store at {@code url} (an H2 URL from {@code store.url}) with cskpi's settings. */
    public static Store open(String url) {
        return open(url, Optional.empty());
    }

    /**
     * Opens the store as its admin; {@code password} is {@code store.password} from the config,
     * else the generated one ({@link StorePassword}). A local file store made by an earlier
     * version, with an empty admin password, gets the password here.
     */
    public static Store open(String url, Optional<String> password) {
        String fullUrl = StoreSettings.withSettings(url);
        StorePassword admin = StorePassword.of(fullUrl, password);
        JdbcConnectionPool pool = JdbcConnectionPool.create(fullUrl, StoreSettings.ADMIN, admin.value());
        pool.setMaxConnections(16);
        Store store = new Store(fullUrl, pool);
        Optional<Path> database = StoreSettings.filePath(fullUrl);
        if (database.isPresent()) {
            try {
                requireLoopbackServer();
                FileStoreLogin.check(pool, fullUrl, database.get(), admin);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    /**
     * Opens the store as a command does: brings its schema up to date and marks the runs whose
     * process is gone (killed) as abandoned.
     */
    public static Store openMigrated(String url) {
        return openMigrated(url, Optional.empty());
    }

    /**
     * Opens the store as a command does ({@link #open(String, Optional)}): brings its schema up
     * to date and marks the runs whose process is gone (killed) as abandoned.
     */
    public static Store openMigrated(String url, Optional<String> password) {
        Store store = open(url, password);
        try {
            store.migrate();
            new AbandonedRuns(store.dsl(), Clock.systemUTC()).mark();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A guard for the static initialiser above: some code in this JVM may have loaded H2 first. */
    private static void requireLoopbackServer() {
        if (!StoreSettings.BIND_ADDRESS.equals(SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("H2 was loaded before cskpi set h2.bindAddress, so the store's server"
                    + " would listen on " + (SysProperties.BIND_ADDRESS == null ? "every interface" : SysProperties.BIND_ADDRESS)
                    + "; start the JVM with -Dh2.bindAddress=" + StoreSettings.BIND_ADDRESS);
        }
    }

    /** Applies the Flyway migrations under {@code db/migration}; returns how many ran. */
    public int migrate() {
        CommentOnlyEdits.accept(dsl);
        MigrateResult result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
