package org.cskpi.web.auth;

import static org.cskpi.web.page.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.cskpi.web.page.Layout;

/** {@code GET/POST /login} and {@code POST /logout}. */
final class AuthController {

    private final UserService users;
    private final LoginThrottle throttle;
    private final SessionAuth auth;

    AuthController(UserService users, LoginThrottle throttle, SessionAuth auth) {
        this.users = users;
        this.throttle = throttle;
        this.auth = auth;
    }

    void show(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        render(ctx, safeNext(ctx.queryParam("next")), "", "");
    }

    void login(Context ctx) {
        auth.requireCsrf(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        long wait = throttle.tryAcquire(ctx.ip(), username);
        if (wait > 0) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(wait));
            render(ctx, next, username, "Too many login attempts. Try again in " + wait + " s.");
            return;
        }
        Optional<User> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, next, username, "Wrong user name or password.");
            return;
        }
        throttle.succeeded(ctx.ip(), username);
        auth.signIn(ctx, user.get());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        auth.requireCsrf(ctx);
        auth.signOut(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String next, String username, String error) {
        String csrf = auth.csrfToken(ctx);
        String body = "<section class=\"card login\"><h1>Sign in</h1>"
                + (error.isEmpty() ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>")
                + "<form method=\"post\" action=\"/login\">" + Layout.csrfField(csrf)
                + "<input type=\"hidden\" name=\"next\" value=\"" + esc(next) + "\">"
                + "<label for=\"username\">User name</label>"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus value=\""
                + esc(username) + "\">"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Sign in</button></form></section>";
        ctx.html(Layout.page("Sign in", Optional.empty(), csrf, body));
    }

    /** Only a path on this site: "/x" but not "//host" or "/\host" (open redirects). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
