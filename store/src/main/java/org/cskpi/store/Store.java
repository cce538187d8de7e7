package org.cskpi.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** An open KPI store: a small connection pool and the jOOQ context over it. */
public final class Store implements AutoCloseable {

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
        String fullUrl = StoreSettings.withSettings(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(fullUrl, "sa", "");
        pool.setMaxConnections(16);
        return new Store(fullUrl, pool);
    }

    /**
     * Opens the store as a command does: brings its schema up to date and marks the runs whose
     * process is gone (killed) as abandoned.
     */
    public static Store openMigrated(String url) {
        Store store = open(url);
        try {
            store.migrate();
            new AbandonedRuns(store.dsl(), Clock.systemUTC()).mark();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Applies the Flyway migrations under {@code db/migration}; returns how many ran. */
    public int migrate() {
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
