package org.cskpi.web.survey;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cskpi.mail.survey.SurveyLocales;
import org.cskpi.mail.survey.SurveyTexts;

/**
 * The invitation e-mail's unsubscribe link, {@code /u/{token}} (docs/web.md#unsubscribe). GET
 * shows one button and changes nothing (mail scanners follow links); POST unsubscribes and
 * confirms. The POST needs no CSRF token or cookie: the link's secret token authorises it, and
 * mail providers post {@code List-Unsubscribe=One-Click} to this URL themselves (RFC 8058).
 * The token's invitation may be expired: an old e-mail still unsubscribes. A token that names
 * no invitation, or one with no customer to unsubscribe, is a 404.
 */
public final class UnsubscribeController {

    private final SurveyService service;
    private final Unsubscribes unsubscribes;
    private final SurveyPages pages;

    public UnsubscribeController(SurveyService service, Unsubscribes unsubscribes, SurveyPages pages) {
        this.service = service;
        this.unsubscribes = unsubscribes;
        this.pages = pages;
    }

    /** {@code GET /u/{token}}: the page with the button. */
    public void show(Context ctx) {
        respond(ctx, false);
    }

    /** {@code POST /u/{token}}: unsubscribes, whatever the body, and says so. */
    public void unsubscribe(Context ctx) {
        respond(ctx, true);
    }

    private void respond(Context ctx, boolean post) {
        String token = ctx.pathParam("token");
        SurveyState state = service.state(token);
        SurveyTexts texts = SurveyTexts.of(SurveyLocales.choose(state.invitationLocale(), ctx.header("Accept-Language")));
        var invitation = state.invitation().filter(found -> found.customerId() != null);
        if (invitation.isEmpty()) {
            SurveyPages.send(ctx.status(HttpStatus.NOT_FOUND), pages.notice(texts, "unknown_heading", "unknown_body"));
            return;
        }
        if (post) {
            unsubscribes.unsubscribe(invitation.get());
        }
        SurveyPages.send(ctx, pages.unsubscribe(texts, token, post));
    }
}
