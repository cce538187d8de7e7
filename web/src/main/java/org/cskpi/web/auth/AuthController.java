package org.cskpi.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.cskpi.web.page.Frame;
import org.cskpi.web.page.Pages;

/** {@code GET/POST /login} and {@code POST /logout}. */
final class AuthController {

    private final UserService users;
    private final LoginThrottle throttle;
    private final SessionAuth auth;
    private final Pages pages;

    AuthController(UserService users, LoginThrottle throttle, SessionAuth auth, Pages pages) {
        this.users = users;
        this.throttle = throttle;
        this.auth = auth;
        this.pages = pages;
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
        Frame frame = new Frame("Sign in", Optional.empty(), auth.csrfToken(ctx));
        ctx.html(pages.render("auth/login", frame, Map.of("next", next, "username", username, "error", error)));
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
