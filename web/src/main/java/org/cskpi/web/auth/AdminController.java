package org.cskpi.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cskpi.web.page.Frame;
import org.cskpi.web.page.Pages;

/** {@code /admin/users}: admins list, add and remove users (guarded: admin role + CSRF). */
final class AdminController {

    private final UserService users;
    private final SessionAuth auth;
    private final Pages pages;

    AdminController(UserService users, SessionAuth auth, Pages pages) {
        this.users = users;
        this.auth = auth;
        this.pages = pages;
    }

    /**
     * A row of the user list; every user but the admin looking at it can be removed. User names
     * are [A-Za-z0-9._@-] only ({@link UserService}), all safe in the remove form's path segment.
     */
    record Row(String username, String role, LocalDate since, boolean removable) {
    }

    void list(Context ctx) {
        render(ctx, "");
    }

    void add(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        try {
            Role role = Role.parse(Optional.ofNullable(ctx.formParam("role")).orElse(""));
            users.add(username, role, password);
        } catch (IllegalArgumentException | UserService.UserException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, e.getMessage());
            return;
        }
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    void remove(Context ctx) {
        String username = ctx.pathParam("username");
        if (auth.requireUser(ctx).username().equals(username)) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, "You cannot remove yourself.");
            return;
        }
        try {
            users.remove(username);
        } catch (UserService.UserException e) {
            ctx.status(HttpStatus.NOT_FOUND);
            render(ctx, e.getMessage());
            return;
        }
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String error) {
        User me = auth.requireUser(ctx);
        List<Row> rows = users.list().stream().map(user -> new Row(user.username(), user.role().dbName(),
                user.createdAt().toLocalDate(), !user.username().equals(me.username()))).toList();
        List<String> roles = Arrays.stream(Role.values()).map(Role::dbName).toList();
        Frame frame = new Frame("Users", auth.currentUser(ctx), auth.csrfToken(ctx));
        ctx.html(pages.render("auth/users", frame, Map.of("error", error, "users", rows, "roles", roles,
                "min_password_length", UserService.MIN_PASSWORD_LENGTH)));
    }
}
