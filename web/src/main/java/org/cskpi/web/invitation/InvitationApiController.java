package org.cskpi.web.invitation;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cskpi.invitation.IssueResult;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.mail.survey.SurveyLocales;
import org.cskpi.web.WebDeps;
import org.cskpi.web.WebFeature;
import org.cskpi.web.api.ApiError;

/**
 * {@code POST /api/invitations} for a help desk's automation (API key). 201 with the survey
 * link and the eleven one-tap links; 409 with a reason when the ticket already has an
 * invitation or its customer was invited within {@code survey.fatigue_days} (an {@link ApiError}
 * whose code is the reason, plus the older {@code invited} and {@code reason}); 400 for a bad
 * body, among them a locale the survey has no language for. A
 * locale is stored in its BCP 47 form ({@link SurveyLocales#bcp47}).
 */
public final class InvitationApiController implements WebFeature {

    private static final String LOCALE_RULE = "locale must be a BCP 47 tag (any case) in one of the survey's languages: "
            + String.join(", ", SurveyLocales.SUPPORTED) + " (no and nn read nb), e.g. vi or vi-VN";

    private final ApiKeyAuth auth;
    private final Invitations invitations;

    public InvitationApiController(WebDeps deps) {
        this.auth = new ApiKeyAuth(deps.config().web().apiKey());
        this.invitations = new Invitations(deps.store().dsl(), deps.clock(), deps.config().survey());
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/invitations", this::create);
    }

    private void create(Context ctx) {
        auth.require(ctx);
        InvitationRequest request = ctx.bodyValidator(InvitationRequest.class)
                .check(r -> present(r.source(), 64), "source is required, at most 64 characters")
                .check(r -> present(r.ticketId(), 255), "ticket_id is required, at most 255 characters")
                .check(r -> r.customerId() == null || r.customerId().length() <= 255, "customer_id is at most 255 characters")
                .check(r -> r.locale() == null || r.locale().length() <= 35, "locale is at most 35 characters")
                .check(r -> r.locale() == null || SurveyLocales.bcp47(r.locale()).isPresent(), LOCALE_RULE)
                .get();
        String locale = request.locale() == null ? null : SurveyLocales.bcp47(request.locale()).orElseThrow();
        IssueResult result = invitations.issue(
                new TicketRef(request.source(), request.ticketId(), request.customerId(), locale));
        if (result.issued().isEmpty()) {
            String reason = result.outcome().name().toLowerCase(Locale.ROOT);
            ApiError conflict = new ApiError(409, reason, notIssued(result.outcome()));
            ctx.status(HttpStatus.CONFLICT).json(conflict.body(Map.of("invited", false, "reason", reason)));
            return;
        }
        IssueResult.Issued issued = result.issued().get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invited", true);
        body.put("invitation_id", issued.invitation().id());
        body.put("source", issued.invitation().source());
        body.put("ticket_id", issued.invitation().ticketId());
        body.put("expires_at", issued.invitation().expiresAt().toString());
        body.put("survey_link", issued.links().survey());
        body.put("one_tap_links", issued.links().oneTap());
        ctx.status(HttpStatus.CREATED).json(body);
    }

    private static String notIssued(IssueResult.Outcome outcome) {
        return switch (outcome) {
            case ALREADY_INVITED -> "This ticket already has an invitation.";
            case CUSTOMER_RECENTLY_INVITED -> "This customer was invited within survey.fatigue_days; no new invitation.";
            case UNSUBSCRIBED -> "This customer unsubscribed from surveys; no new invitation.";
            case NO_ADDRESS -> throw new IllegalArgumentException("the API issues links, not e-mails: an address is never needed");
            case ISSUED -> throw new IllegalArgumentException("an issued invitation is no conflict");
        };
    }

    private static boolean present(String value, int maxLength) {
        return value != null && !value.isBlank() && value.length() <= maxLength;
    }
}
