package org.cskpi.web.auth;

import io.javalin.config.JavalinConfig;
import org.cskpi.web.WebFeature;
import org.cskpi.web.page.Pages;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/**
 * Sign-in for the web app: sessions, {@code /login}, {@code /logout} and the admins' user pages.
 * The other signed-in features take its {@link #auth()} and put a guard in front of their paths:
 * {@code auth.guard(config, "/query", Role.ANALYST)}.
 */
public final class AuthFeature implements WebFeature {

    public static final String SESSION_COOKIE = "cskpi_session";
    /** Signed-in sessions end after this long without a request. */
    private static final int IDLE_SECONDS = 8 * 60 * 60;

    private final AuthDeps deps;
    private final Pages pages;
    private final SessionAuth auth;

    public AuthFeature(AuthDeps deps, Pages pages) {
        this.deps = deps;
        this.pages = pages;
        this.auth = new SessionAuth(deps.users());
    }

    /** Who is signed in, and the guards, for the features behind sign-in. */
    public SessionAuth auth() {
        return auth;
    }

    @Override
    public void register(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(sessionHandler(deps.secureCookies())));
        AuthController controller = new AuthController(deps.users(), deps.throttle(), auth, pages);
        config.routes.get("/login", controller::show);
        config.routes.post("/login", controller::login);
        config.routes.post("/logout", controller::logout);
        AdminController admin = new AdminController(deps.users(), auth, pages);
        auth.guard(config, "/admin", Role.ADMIN);
        config.routes.get("/admin/users", admin::list);
        config.routes.post("/admin/users", admin::add);
        config.routes.post("/admin/users/{username}/remove", admin::remove);
    }

    static SessionHandler sessionHandler(boolean secure) {
        SessionHandler sessions = new SessionHandler();
        sessions.setSessionCookie(SESSION_COOKIE);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSecureCookies(secure);
        sessions.setMaxInactiveInterval(IDLE_SECONDS);
        return sessions;
    }
}
