package org.cskpi.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.cskpi.config.BusinessClock;

/**
 * A ticket's metric set as {@code GET /api/v2/ticket_metrics} returns it. Durations are whole
 * minutes (rounded down) on the {@code calendar} and {@code business} clocks: reply time =
 * first public agent reply; first resolution = first solve; full resolution = last solve
 * (null unless the ticket is solved or closed now); wait times are the time spent in pending
 * (agent wait), in new/open/hold (requester wait) and in hold, up to the last solve or the
 * last update.
 */
final class ZendeskMetricsJson {

    private final BusinessClock business;

    ZendeskMetricsJson(BusinessClock business) {
        this.business = business;
    }

    void write(JsonGenerator g, SimTicket t) throws IOException {
        SimTicket.Facts f = t.facts();
        g.writeStartObject();
        g.writeStringField("url", ZendeskTicketJson.BASE_URL + "/ticket_metrics/" + (t.id() + 900_000_000L) + ".json");
        g.writeNumberField("id", t.id() + 900_000_000L);
        g.writeNumberField("ticket_id", t.id());
        g.writeStringField("created_at", Times.isoUtc(f.createdAt()));
        g.writeStringField("updated_at", Times.isoUtc(f.updatedAt()));
        g.writeNumberField("group_stations", t.team() == null ? 0 : 1);
        g.writeNumberField("assignee_stations", t.agent() == null ? 0 : 1);
        g.writeNumberField("reopens", f.reopens());
        g.writeNumberField("replies", f.agentReplies());
        time(g, "assignee_updated_at", lastBy(t, true));
        time(g, "requester_updated_at", lastBy(t, false));
        time(g, "status_updated_at", lastStatusChange(t));
        time(g, "initially_assigned_at", f.assignedAt());
        time(g, "assigned_at", f.assignedAt());
        time(g, "solved_at", f.finalResolvedAt());
        time(g, "latest_comment_added_at", lastComment(t));
        minutes(g, "reply_time_in_minutes", f.createdAt(), f.firstResponseAt());
        g.writeObjectFieldStart("reply_time_in_seconds");
        if (f.hasResponse()) {
            g.writeNumberField("calendar", f.firstResponseAt() - f.createdAt());
        } else {
            g.writeNullField("calendar");
        }
        g.writeEndObject();
        minutes(g, "first_resolution_time_in_minutes", f.createdAt(), f.resolvedAt());
        minutes(g, "full_resolution_time_in_minutes", f.createdAt(), f.finalResolvedAt());
        waits(g, t);
        g.writeEndObject();
    }

    private void waits(JsonGenerator g, SimTicket t) throws IOException {
        long end = t.facts().finalResolvedAt() == SimTicket.NONE ? t.facts().updatedAt() : t.facts().finalResolvedAt();
        long[] calendar = new long[3];
        long[] businessTime = new long[3];
        String status = "new";
        long since = t.facts().createdAt();
        for (SimEvent e : t.events()) {
            if (e.statusTo() == null || e.at() > end) {
                continue;
            }
            accumulate(status, since, e.at(), calendar, businessTime);
            status = e.statusTo();
            since = e.at();
        }
        accumulate(status, since, end, calendar, businessTime);
        pair(g, "agent_wait_time_in_minutes", calendar[0], businessTime[0]);
        pair(g, "requester_wait_time_in_minutes", calendar[1], businessTime[1]);
        pair(g, "on_hold_time_in_minutes", calendar[2], businessTime[2]);
    }

    private void accumulate(String status, long from, long to, long[] calendar, long[] businessTime) {
        if (to <= from || status.equals("solved") || status.equals("closed")) {
            return;
        }
        long b = business.wholeBusinessSeconds(from, to);
        if (status.equals("pending")) {
            calendar[0] += to - from;
            businessTime[0] += b;
            return;
        }
        calendar[1] += to - from;
        businessTime[1] += b;
        if (status.equals("hold")) {
            calendar[2] += to - from;
            businessTime[2] += b;
        }
    }

    private void minutes(JsonGenerator g, String name, long from, long to) throws IOException {
        if (to == SimTicket.NONE) {
            g.writeObjectFieldStart(name);
            g.writeNullField("calendar");
            g.writeNullField("business");
            g.writeEndObject();
            return;
        }
        pair(g, name, to - from, business.wholeBusinessSeconds(from, to));
    }

    private static void pair(JsonGenerator g, String name, long calendarSeconds, long businessSeconds)
            throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("calendar", calendarSeconds / 60);
        g.writeNumberField("business", businessSeconds / 60);
        g.writeEndObject();
    }

    private static void time(JsonGenerator g, String name, long at) throws IOException {
        ZendeskTicketJson.nullable(g, name, at == SimTicket.NONE ? null : Times.isoUtc(at));
    }

    private static long lastBy(SimTicket t, boolean isAgent) {
        long last = SimTicket.NONE;
        for (SimEvent e : t.events()) {
            boolean byAgent = e.kind() == SimEvent.Kind.AGENT_REPLY || e.kind() == SimEvent.Kind.AGENT_NOTE;
            boolean byRequester = e.kind() == SimEvent.Kind.CREATED || e.kind() == SimEvent.Kind.CUSTOMER_REPLY;
            if (isAgent ? byAgent : byRequester) {
                last = e.at();
            }
        }
        return last;
    }

    private static long lastStatusChange(SimTicket t) {
        long last = SimTicket.NONE;
        for (SimEvent e : t.events()) {
            if (e.statusTo() != null) {
                last = e.at();
            }
        }
        return last;
    }

    private static long lastComment(SimTicket t) {
        long last = SimTicket.NONE;
        for (SimEvent e : t.events()) {
            if (e.hasComment()) {
                last = e.at();
            }
        }
        return last;
    }
}
