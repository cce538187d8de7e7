package org.cskpi.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.cskpi.config.BusinessClock;

/**
 * {@code freshdesk/tickets.csv}: Freshdesk's ticket CSV export. Times are
 * {@code yyyy-MM-dd HH:mm:ss} wall-clock in the account's time zone (no offset, as Freshdesk
 * writes them); "(in hrs)" durations are business hours with two decimals; "Resolved time"
 * is the last resolution; "Initial response time" the first agent reply's time stamp.
 */
final class FreshdeskCsvWriter implements ExportWriter {

    static final String HEADER = "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,"
            + "Due by Time,Resolved time,Closed time,Last update time,Initial response time,Time tracked,"
            + "First response time (in hrs),Resolution time (in hrs),Agent interactions,Customer interactions,"
            + "Resolution status,First response status,Tags,Survey results,Contact ID,Full name,Requester email";

    private final Writer out;
    private final Csv csv;
    private final Times times;
    private final BusinessClock business;

    FreshdeskCsvWriter(Path dir, Times times, BusinessClock business) throws IOException {
        this.out = ExportWriter.open(dir.resolve("tickets.csv"));
        this.csv = new Csv(out);
        this.times = times;
        this.business = business;
        out.write(HEADER + "\n");
    }

    @Override
    public void write(SimTicket t, SurveyAnswer answer) throws IOException {
        SimTicket.Facts f = t.facts();
        long created = f.createdAt();
        long dueBy = created + resolutionSlaHours(t.priority()) * 3_600L;
        long firstResponseDue = created + firstResponseSlaHours(t.priority()) * 3_600L;
        csv.record(t.id(), t.subject(), status(t), priority(t.priority()), t.channel().freshdesk,
                t.category() == null ? null : t.category().displayName,
                t.agent() == null ? null : t.agent().name(), t.team() == null ? null : t.team().name(),
                local(created), local(dueBy), local(f.finalResolvedAt()), local(f.closedAt()), local(f.updatedAt()),
                local(f.firstResponseAt()), timeTracked(t), businessHours(created, f.firstResponseAt()),
                businessHours(created, f.finalResolvedAt()), f.agentReplies(), f.customerMessages(),
                slaStatus(f.finalResolvedAt(), dueBy), slaStatus(f.firstResponseAt(), firstResponseDue),
                t.category() == null ? null : t.category().tag, null, t.customer().id(), t.customer().name(),
                t.customer().email());
    }

    /** Freshdesk's statuses; a few pending tickets use the "Waiting on Customer" custom status. */
    static String status(SimTicket t) {
        return switch (t.canonicalStatus()) {
            case "pending" -> t.id() % 10 < 3 ? "Waiting on Customer" : "Pending";
            case "solved" -> "Resolved";
            case "closed" -> "Closed";
            default -> "Open";
        };
    }

    static String priority(String zendeskPriority) {
        return switch (zendeskPriority) {
            case "low" -> "Low";
            case "high" -> "High";
            case "urgent" -> "Urgent";
            default -> "Medium";
        };
    }

    private static int resolutionSlaHours(String priority) {
        return switch (priority) {
            case "urgent" -> 4;
            case "high" -> 8;
            case "low" -> 48;
            default -> 24;
        };
    }

    private static int firstResponseSlaHours(String priority) {
        return switch (priority) {
            case "urgent" -> 1;
            case "high" -> 2;
            case "low" -> 8;
            default -> 4;
        };
    }

    private String local(long epochSecond) {
        return epochSecond == SimTicket.NONE ? null : times.local(epochSecond);
    }

    private String businessHours(long from, long to) {
        if (to == SimTicket.NONE) {
            return null;
        }
        return hundredths(Math.round(business.wholeBusinessSeconds(from, to) / 36.0));
    }

    private static String slaStatus(long at, long due) {
        if (at == SimTicket.NONE) {
            return null;
        }
        return at <= due ? "Within SLA" : "SLA Violated";
    }

    /** Logged time "hh:mm": a few minutes per reply, more on the phone. */
    private static String timeTracked(SimTicket t) {
        int minutes = t.facts().agentReplies() * (t.channel() == Channel.PHONE ? 9 : 4);
        return (minutes / 60 < 10 ? "0" : "") + minutes / 60 + (minutes % 60 < 10 ? ":0" : ":") + minutes % 60;
    }

    /** 125 -> "1.25", 7 -> "0.07": decimal hours with two places. */
    static String hundredths(long value) {
        long cents = value % 100;
        return value / 100 + (cents < 10 ? ".0" : ".") + cents;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
