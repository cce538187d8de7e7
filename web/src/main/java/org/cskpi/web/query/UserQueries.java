package org.cskpi.web.query;

import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cskpi.web.auth.SessionAuth;
import org.cskpi.web.auth.User;

/**
 * The signed-in analyst's saved queries and history as the query page shows them
 * (query/saved.peb), and the recording of their runs. A handler that opened a saved query or
 * failed to save one says so with {@link #opened}/{@link #typedName} before rendering the page.
 */
final class UserQueries {

    static final int PREVIEW_CHARS = 120;
    private static final String OPENED = "cskpi.query.opened";
    private static final String TYPED_NAME = "cskpi.query.typed_name";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** A saved query in the list; {@code mine} when the viewer owns it. */
    record SavedView(String id, String name, String owner, String when, boolean mine) {
    }

    /** A run in the history: the start of its text, and its row count or its error. */
    record RunView(long id, String preview, String when, String outcome, boolean failed) {
    }

    private final SessionAuth auth;
    private final SavedQueries saved;
    private final QueryHistory history;

    UserQueries(SessionAuth auth, SavedQueries saved, QueryHistory history) {
        this.auth = auth;
        this.saved = saved;
        this.history = history;
    }

    /** The model entries of query/saved.peb. */
    Map<String, Object> model(Context ctx) {
        User user = auth.requireUser(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("saved_queries", saved.listOf(user.id()).stream().map(q -> view(q, user)).toList());
        model.put("history", history.latest(user.id()).stream().map(UserQueries::view).toList());
        SavedView opened = ctx.attribute(OPENED) instanceof SavedQueries.Saved q ? view(q, user) : null;
        model.put("opened", opened);
        model.put("save_name", saveName(ctx, opened));
        return model;
    }

    /** The save form's name: what was typed before a refused save, else the name of the owner's opened query. */
    private static String saveName(Context ctx, SavedView opened) {
        if (ctx.attribute(TYPED_NAME) instanceof String typed) {
            return typed;
        }
        return opened != null && opened.mine() ? opened.name() : "";
    }

    /** Runs {@code query} for the signed-in analyst and records it in their history, success or refusal. */
    QueryResult recorded(Context ctx, String sql, Supplier<QueryResult> query) {
        return history.record(auth.requireUser(ctx).id(), sql, query);
    }

    /** The page is showing the saved query {@code q} (its share link was opened). */
    static void opened(Context ctx, SavedQueries.Saved q) {
        ctx.attribute(OPENED, q);
    }

    /** The save form keeps {@code name} after a refused save. */
    static void typedName(Context ctx, String name) {
        ctx.attribute(TYPED_NAME, name);
    }

    private static SavedView view(SavedQueries.Saved q, User viewer) {
        return new SavedView(q.id(), q.name(), q.owner(), when(q.savedAt()), q.userId() == viewer.id());
    }

    private static RunView view(QueryHistory.Run run) {
        String outcome = run.failed() ? run.error()
                : run.rowCount() + (run.moreRows() ? "+" : "") + (run.rowCount() == 1 && !run.moreRows() ? " row" : " rows");
        return new RunView(run.id(), preview(run.sql()), when(run.ranAt()), outcome, run.failed());
    }

    /** The text on one line, cut after {@link #PREVIEW_CHARS} characters. */
    static String preview(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= PREVIEW_CHARS ? line : line.substring(0, PREVIEW_CHARS) + "…";
    }

    private static String when(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(WHEN);
    }
}
