package org.cskpi.web.testing;

import io.javalin.Javalin;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.cskpi.web.MutableClock;
import org.cskpi.web.WebApp;
import org.cskpi.web.api.ApiDeps;
import org.cskpi.web.api.ApiFeature;
import org.cskpi.web.api.ApiKey;
import org.cskpi.web.api.KpiQueries;
import org.cskpi.web.auth.AuthDeps;
import org.cskpi.web.auth.AuthFeature;
import org.cskpi.web.auth.LoginThrottle;
import org.cskpi.web.auth.PasswordHasher;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.ops.ClientAddress;
import org.cskpi.web.ops.ErrorHandling;
import org.cskpi.web.page.Assets;
import org.cskpi.web.page.Pages;
import org.cskpi.web.query.QueryDeps;
import org.cskpi.web.query.QueryFeature;
import org.cskpi.web.query.SqlService;
import org.cskpi.config.CskpiConfig;

/**
 * A Javalin app with only this module's login, query and API features, the app's one
 * exception mapper and the pages' static files, on a fresh migrated in-memory store, as WebApp
 * wires them (one feature object each), plus the strict CSP the pages must live under. Users:
 * manager1/analyst1/admin1, password {@link #PASSWORD}.
 * It trusts {@code X-Forwarded-For} as if behind a proxy, so a test can play clients at several
 * addresses ({@link Browser#at}).
 */
public final class TestApp implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";
    public static final String API_KEY = "test-api-key-0123456789";
    /** Cheap Argon2id settings: tests check behaviour, not cost. */
    public static final PasswordHasher FAST_HASHER = new PasswordHasher(1024, 1, 1);

    public final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    public final UserService users = new UserService(store.dsl(), FAST_HASHER, clock);
    public final Javalin app;

    /** Where no SQL service listens: /query says the service is down. */
    public static final CskpiConfig.SqlServer NO_SQL_SERVER =
            new CskpiConfig.SqlServer("127.0.0.1", 1, Optional.of("no-service-token-0123"), false, 5, 100);

    public TestApp(boolean secureCookies, int queryTimeoutSeconds, int queryMaxRows) {
        this(secureCookies, new SqlService(NO_SQL_SERVER, queryTimeoutSeconds, queryMaxRows));
    }

    /** The app whose /query goes to {@code queries}' SQL service. */
    public TestApp(boolean secureCookies, SqlService queries) {
        users.add("manager1", Role.MANAGER, PASSWORD);
        users.add("analyst1", Role.ANALYST, PASSWORD);
        users.add("admin1", Role.ADMIN, PASSWORD);
        LoginThrottle throttle = new LoginThrottle(10, clock);
        Pages pages = new Pages();
        app = Javalin.create(config -> {
            config.http.maxRequestSize = WebApp.MAX_REQUEST_BYTES;
            new ClientAddress(true).register(config);
            new ErrorHandling(pages).register(config);
            new Assets().register(config);
            AuthFeature signIn = new AuthFeature(new AuthDeps(users, throttle, secureCookies), pages);
            SessionAuth auth = signIn.auth();
            signIn.register(config);
            new QueryFeature(new QueryDeps(auth, queries, store.dsl(), clock), pages).register(config);
            new ApiFeature(new ApiDeps(new KpiQueries(store.dsl()), new ApiKey(Optional.of(API_KEY)), auth)).register(config);
            // stand-ins for the report home page (guarded) and the survey (public)
            auth.guard(config, "/", Role.MANAGER);
            config.routes.get("/", ctx -> ctx.result("report home"));
            config.routes.get("/s/{token}", ctx -> ctx.result("public survey"));
            config.routes.after(ctx -> ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"));
        });
    }

    public TestApp() {
        this(false, 5, 100);
    }

    @Override
    public void close() {
        store.close();
    }
}
