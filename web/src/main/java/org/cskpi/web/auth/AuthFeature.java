package org.cskpi.web.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/**
 * Sign-in for the web app, plugged in with one line:
 * {@code SessionAuth auth = AuthFeature.register(config, deps);} then
 * {@code auth.guard(config, "/query", Role.ANALYST)} for each protected path.
 * Also serves the pages' static files under {@code /assets/cskpi/}.
 */
public final class AuthFeature {

    public static final String SESSION_COOKIE = "cskpi_session";
    /** Signed-in sessions end after this long without a request. */
    private static final int IDLE_SECONDS = 8 * 60 * 60;

    private AuthFeature() {
    }

    public static SessionAuth register(JavalinConfig config, AuthDeps deps) {
        config.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(sessionHandler(deps.secureCookies())));
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets/cskpi";
            files.directory = "/cskpi-assets";
            files.location = Location.CLASSPATH;
        });
        SessionAuth auth = new SessionAuth(deps.users());
        AuthController controller = new AuthController(deps.users(), deps.throttle(), auth);
        config.routes.get("/login", controller::show);
        config.routes.post("/login", controller::login);
        config.routes.post("/logout", controller::logout);
        AdminController admin = new AdminController(deps.users(), auth);
        auth.guard(config, "/admin", Role.ADMIN);
        config.routes.get("/admin/users", admin::list);
        config.routes.post("/admin/users", admin::add);
        config.routes.post("/admin/users/{username}/remove", admin::remove);
        return auth;
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
