package org.cskpi.web.page;

import static org.cskpi.web.page.Html.esc;

import java.util.List;
import java.util.Optional;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.User;

/**
 * The frame around the signed-in pages: header with navigation by role and a logout form,
 * footer with the link to the JSON API's description.
 * No inline script or style anywhere, so pages work under {@code Content-Security-Policy:
 * default-src 'self'}; the look is in {@code /assets/app.css}.
 */
public final class Layout {

    public static final String CSS = org.cskpi.web.page.Assets.url("app.css");
    public static final String ICON = org.cskpi.web.page.Assets.url("favicon.svg");

    private Layout() {
    }

    /** A whole page; {@code bodyHtml} must already be escaped. */
    public static String page(String title, Optional<User> user, String csrfToken, String bodyHtml) {
        return page(title, user, csrfToken, bodyHtml, Assets.NONE);
    }

    /** Extra style sheets (after the app's own) and script files (end of body) of one page, same-origin URLs. */
    public record Assets(List<String> stylesheets, List<String> scripts) {
        public static final Assets NONE = new Assets(List.of(), List.of());
    }

    /** A whole page with extra {@code assets}; {@code bodyHtml} must already be escaped. */
    public static String page(String title, Optional<User> user, String csrfToken, String bodyHtml, Assets assets) {
        StringBuilder out = new StringBuilder(4096 + bodyHtml.length());
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · cskpi</title>")
                .append("<link rel=\"icon\" href=\"").append(ICON).append("\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"").append(CSS).append("\">");
        assets.stylesheets().forEach(href -> out.append("<link rel=\"stylesheet\" href=\"").append(esc(href)).append("\">"));
        out.append("</head><body><header class=\"top\"><a class=\"brand\" href=\"/\">cskpi</a>");
        user.ifPresent(u -> out.append(nav(u, csrfToken)));
        out.append("</header><main>").append(bodyHtml).append("</main>")
                .append("<footer class=\"bottom\">JSON API: <a href=\"/api/openapi.json\">OpenAPI description</a></footer>");
        assets.scripts().forEach(src -> out.append("<script src=\"").append(esc(src)).append("\"></script>"));
        out.append("</body></html>\n");
        return out.toString();
    }

    private static String nav(User user, String csrfToken) {
        StringBuilder out = new StringBuilder("<nav><a href=\"/\">Report</a>");
        if (user.role().includes(Role.ANALYST)) {
            out.append("<a href=\"/query\">Query</a>");
        }
        if (user.role().includes(Role.ADMIN)) {
            out.append("<a href=\"/admin/users\">Users</a>");
        }
        out.append("<form method=\"post\" action=\"/logout\" class=\"logout\">")
                .append(csrfField(csrfToken))
                .append("<span class=\"who\">").append(esc(user.username())).append(" (")
                .append(esc(user.role().dbName())).append(")</span>")
                .append("<button type=\"submit\">Log out</button></form></nav>");
        return out.toString();
    }

    /** The hidden field every state-changing form carries. */
    public static String csrfField(String csrfToken) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrfToken) + "\">";
    }
}
