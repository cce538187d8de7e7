package org.cskpi.web.query;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.auth.User;

/**
 * Saved queries and the history on the query page: {@code POST /query/saved} (save the editor's
 * text under a name), {@code GET /query/saved/{id}} (the share link: the page with that query in
 * the editor, for any analyst), {@code POST /query/saved/{id}/delete} (its owner only) and
 * {@code GET /query/history/{id}} (one of the analyst's own runs back in the editor).
 */
final class SavedQueryController {

    private static final String NO_SUCH_LINK = "No saved query has this link: it was deleted, or the link is incomplete.";

    private final SessionAuth auth;
    private final SavedQueries saved;
    private final QueryHistory history;
    private final QueryController page;

    SavedQueryController(SessionAuth auth, SavedQueries saved, QueryHistory history, QueryController page) {
        this.auth = auth;
        this.saved = saved;
        this.history = history;
        this.page = page;
    }

    void save(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        String sql = Optional.ofNullable(ctx.formParam("sql")).orElse("");
        try {
            SavedQueries.Saved q = saved.save(auth.requireUser(ctx).id(), name, sql);
            ctx.redirect("/query/saved/" + q.id(), HttpStatus.SEE_OTHER);
        } catch (QueryRefused e) {
            UserQueries.typedName(ctx, name);
            ctx.status(HttpStatus.BAD_REQUEST);
            page.show(ctx, sql, e.getMessage());
        }
    }

    void open(Context ctx) {
        Optional<SavedQueries.Saved> q = saved.find(ctx.pathParam("id"));
        if (q.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            page.show(ctx, "", NO_SUCH_LINK);
            return;
        }
        UserQueries.opened(ctx, q.get());
        page.show(ctx, q.get().sql(), "");
    }

    void delete(Context ctx) {
        Optional<SavedQueries.Saved> q = saved.find(ctx.pathParam("id"));
        User user = auth.requireUser(ctx);
        if (q.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            page.show(ctx, "", NO_SUCH_LINK);
        } else if (!saved.delete(q.get().id(), user.id())) {
            UserQueries.opened(ctx, q.get());
            ctx.status(HttpStatus.FORBIDDEN);
            page.show(ctx, q.get().sql(), "Only " + q.get().owner() + ", who saved this query, can delete it.");
        } else {
            ctx.redirect("/query", HttpStatus.SEE_OTHER);
        }
    }

    void fromHistory(Context ctx) {
        Optional<QueryHistory.Run> run = parseId(ctx.pathParam("id"))
                .flatMap(id -> history.find(id, auth.requireUser(ctx).id()));
        if (run.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            page.show(ctx, "", "That run is not in your history (only the last " + QueryHistory.KEPT + " are kept).");
            return;
        }
        page.show(ctx, run.get().sql(), "");
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
