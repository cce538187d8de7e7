package org.cskpi.web.query;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Locale;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.auth.UnreadBody;

/**
 * A form posted under /query that is larger than the app's request limit
 * ({@code config.http.maxRequestSize}, set in WebApp). Javalin refuses to read such a body and
 * the app would answer a bare 413 page that loses the text and the navigation. Instead, before
 * the guard reads the body, this reads the limit's worth of it and answers the query page (413)
 * with the first part of the text in the editor and one line saying the limit. Only for a signed-in
 * analyst with the session's CSRF token, which the page's forms send first; anyone else is left
 * to the guard, which refuses them without parsing the body. Either way the rest of the body is
 * read and dropped first ({@link UnreadBody}), so the client gets the answer, not a reset.
 */
final class TooLongQuery {

    private final SessionAuth auth;
    private final long limitBytes;
    private final QueryController page;

    TooLongQuery(SessionAuth auth, long limitBytes, QueryController page) {
        this.auth = auth;
        this.limitBytes = limitBytes;
        this.page = page;
    }

    void before(Context ctx) throws IOException {
        long size = ctx.req().getContentLengthLong();
        if (ctx.method() != HandlerType.POST || size <= limitBytes || !ctx.isFormUrlencoded() || !analyst(ctx)) {
            return;
        }
        TruncatedForm form = TruncatedForm.read(ctx.bodyInputStream(), (int) limitBytes);
        UnreadBody.discard(ctx);
        auth.requireCsrf(ctx, form.field("csrf"));
        String sql = form.field("sql");
        ctx.header("Cache-Control", "no-store").status(HttpStatus.CONTENT_TOO_LARGE);
        page.show(ctx, sql, message(limitBytes, size, sql.length()));
        ctx.skipRemainingHandlers();
    }

    /** The one line above the editor: the limit, this request's size, and how much of the text is kept. */
    static String message(long limitBytes, long size, int keptChars) {
        return String.format(Locale.ROOT, "The query is too long: the page accepts at most %,d KiB per request and this "
                + "one had %,d KiB. The editor keeps its first %,d characters.", limitBytes / 1024, (size + 1023) / 1024,
                keptChars);
    }

    private boolean analyst(Context ctx) {
        return auth.currentUser(ctx).filter(user -> user.role().includes(Role.ANALYST)).isPresent();
    }
}
