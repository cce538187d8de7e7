package org.cskpi.web.auth;

import static org.cskpi.web.page.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.cskpi.web.page.Layout;

/** {@code /admin/users}: admins list, add and remove users (guarded: admin role + CSRF). */
final class AdminController {

    private final UserService users;
    private final SessionAuth auth;

    AdminController(UserService users, SessionAuth auth) {
        this.users = users;
        this.auth = auth;
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
        String csrf = auth.csrfToken(ctx);
        StringBuilder body = new StringBuilder("<section class=\"card\"><h1>Users</h1>");
        if (!error.isEmpty()) {
            body.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        body.append("<div class=\"scroll\"><table><thead><tr><th>User</th><th>Role</th><th>Since</th><th></th></tr></thead><tbody>");
        String me = auth.requireUser(ctx).username();
        for (User user : users.list()) {
            body.append("<tr><td>").append(esc(user.username())).append("</td><td>").append(esc(user.role().dbName()))
                    .append("</td><td>").append(esc(user.createdAt().toLocalDate())).append("</td><td>");
            if (!user.username().equals(me)) {
                // user names are [A-Za-z0-9._@-] only (UserService), all safe in a path segment
                body.append("<form method=\"post\" action=\"/admin/users/").append(esc(user.username()))
                        .append("/remove\">").append(Layout.csrfField(csrf))
                        .append("<button type=\"submit\" class=\"secondary\">Remove</button></form>");
            }
            body.append("</td></tr>");
        }
        body.append("</tbody></table></div></section><section class=\"card\"><h2>Add a user</h2>")
                .append("<form method=\"post\" action=\"/admin/users\">").append(Layout.csrfField(csrf))
                .append("<label for=\"username\">User name</label><input id=\"username\" name=\"username\" required>")
                .append("<label for=\"role\">Role</label><select id=\"role\" name=\"role\">");
        for (Role role : Role.values()) {
            body.append("<option>").append(esc(role.dbName())).append("</option>");
        }
        body.append("</select><label for=\"password\">Password (at least ").append(UserService.MIN_PASSWORD_LENGTH)
                .append(" characters)</label><input id=\"password\" name=\"password\" type=\"password\" ")
                .append("autocomplete=\"new-password\" required><button type=\"submit\">Add user</button></form></section>");
        ctx.html(Layout.page("Users", auth.currentUser(ctx), csrf, body.toString()));
    }
}
