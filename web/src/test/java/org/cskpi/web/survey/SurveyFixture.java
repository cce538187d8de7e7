package org.cskpi.web.survey;

import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.time.Instant;
import java.util.List;
import org.cskpi.config.CskpiConfig;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.Store;
import org.cskpi.store.jooq.tables.records.SurveyResponsesRecord;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;

/**
 * The web app, not started, on a fresh store with a clock the test moves; for the survey's
 * HTTP tests: invite a ticket, post the form, read the stored answers.
 */
final class SurveyFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    final Store store = TestWeb.store();
    final MutableClock clock = new MutableClock(START);
    final Javalin app;
    private final Invitations invitations = new Invitations(store.dsl(), clock, TestWeb.config(1).survey());

    /** With the survey's per-address rate limit at {@code rateLimitPerMinute}. */
    SurveyFixture(int rateLimitPerMinute) {
        this(TestWeb.config(rateLimitPerMinute));
    }

    SurveyFixture(CskpiConfig config) {
        app = WebApp.create(WebDeps.of(config, store, clock));
    }

    /** Invites zendesk ticket {@code ticketId} (customer {@code cust-<ticketId>}); returns the link's token. */
    String invite(String ticketId, String locale) {
        return invitations.issue(new TicketRef("zendesk", ticketId, "cust-" + ticketId, locale))
                .issued().orElseThrow().token();
    }

    /** Posts the form with the score and comment given (a null one is left out). */
    static Response post(HttpClient client, String path, String score, String comment) {
        FormBody.Builder form = new FormBody.Builder();
        if (score != null) {
            form.add("score", score);
        }
        if (comment != null) {
            form.add("comment", comment);
        }
        return client.request(path, builder -> builder.post(form.build()));
    }

    List<SurveyResponsesRecord> responses() {
        return store.dsl().selectFrom(SURVEY_RESPONSES).orderBy(SURVEY_RESPONSES.ID).fetch();
    }

    @Override
    public void close() {
        store.close();
    }
}
