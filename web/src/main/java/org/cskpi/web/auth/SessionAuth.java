package org.cskpi.web.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who is signed in, and the guards that pages put in front of themselves. The session holds
 * only the user id and the CSRF token; the user is read from the store on each request, so a
 * removed user or a changed role takes effect at once.
 */
public final class SessionAuth {

    static final String USER_ID = "cskpi.user_id";
    static final String CSRF = "cskpi.csrf";
    private static final String CURRENT_USER = "cskpi.user";

    private final UserService users;

    SessionAuth(UserService users) {
        this.users = users;
    }

    /** The signed-in user; never creates a session. */
    public Optional<User> currentUser(Context ctx) {
        Object cached = ctx.attribute(CURRENT_USER);
        if (cached instanceof User user) {
            return Optional.of(user);
        }
        HttpSession session = ctx.req().getSession(false);
        if (session == null || !(session.getAttribute(USER_ID) instanceof Long id)) {
            return Optional.empty();
        }
        Optional<User> user = users.find(id);
        user.ifPresent(u -> ctx.attribute(CURRENT_USER, u));
        return user;
    }

    /** The signed-in user of a guarded route (the guard already checked there is one). */
    public User requireUser(Context ctx) {
        return currentUser(ctx).orElseThrow(UnauthorizedResponse::new);
    }

    /** The session's CSRF token, creating the session and token if needed. */
    public String csrfToken(Context ctx) {
        HttpSession session = ctx.req().getSession(true);
        if (!(session.getAttribute(CSRF) instanceof String token)) {
            String fresh = CsrfTokens.newToken();
            session.setAttribute(CSRF, fresh);
            return fresh;
        }
        return token;
    }

    /** Refuses (403) a request whose form field {@code csrf} does not carry the session's token. */
    public void requireCsrf(Context ctx) {
        requireCsrf(ctx, ctx.formParam("csrf"));
    }

    /** Refuses (403) a request whose CSRF token, {@code given} (read by the caller), is not the session's. */
    public void requireCsrf(Context ctx, String given) {
        HttpSession session = ctx.req().getSession(false);
        Object expected = session == null ? null : session.getAttribute(CSRF);
        if (!(expected instanceof String token) || !CsrfTokens.matches(token, given)) {
            throw new ForbiddenResponse("Missing or wrong CSRF token; reload the page and try again.");
        }
    }

    /** Signs {@code user} in under a new session id (no session fixation) and a new CSRF token. */
    void signIn(Context ctx, User user) {
        ctx.req().getSession(true);
        ctx.req().changeSessionId();
        HttpSession session = ctx.req().getSession(false);
        session.setAttribute(USER_ID, user.id());
        session.setAttribute(CSRF, CsrfTokens.newToken());
        ctx.attribute(CURRENT_USER, user);
    }

    void signOut(Context ctx) {
        HttpSession session = ctx.req().getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /**
     * Puts {@code path} and everything under it behind sign-in with at least {@code role}.
     * Not signed in: a page request is sent to the login page, anything else gets 401.
     * Signed in without the role: 403. State-changing methods also need the CSRF token.
     * {@code "/"} guards the root page only, never the whole site (the survey is public).
     */
    public void guard(JavalinConfig config, String path, Role role) {
        config.routes.before(path, ctx -> check(ctx, role));
        if (!path.equals("/")) {
            config.routes.before(path + "/*", ctx -> check(ctx, role));
        }
    }

    private void check(Context ctx, Role role) {
        ctx.header("Cache-Control", "no-store");
        Optional<User> user = currentUser(ctx);
        if (user.isEmpty()) {
            if (ctx.method() == HandlerType.GET) {
                String target = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
                ctx.redirect("/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            UnreadBody.discard(ctx);
            throw new UnauthorizedResponse("Sign in first.");
        }
        if (!user.get().role().includes(role)) {
            UnreadBody.discard(ctx);
            throw new ForbiddenResponse("This page needs the " + role.dbName() + " role.");
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            requireCsrf(ctx);
        }
    }
}
