package org.cskpi.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cskpi.config.BusinessClock;

/**
 * {@code zendesk/}: the files a Zendesk Support export script saves from the API, pages of at
 * most {@value #PAGE_SIZE} records: {@code tickets-NNNNN.json} (time-based incremental ticket
 * export: {@code next_page}, {@code count}, {@code end_of_stream}, {@code end_time}),
 * {@code ticket_metrics-NNNNN.json} (list endpoint: {@code next_page}, {@code previous_page},
 * total {@code count}), {@code ticket_events-NNNNN.json} (incremental ticket events with
 * comment events), {@code users-NNNNN.json} (incremental user export), {@code groups.json},
 * {@code ticket_fields.json}. Records are in ticket creation order.
 */
final class ZendeskWriter implements ExportWriter {

    static final int PAGE_SIZE = 1000;
    private static final Pattern OUR_PAGES = Pattern.compile("(tickets|ticket_metrics|ticket_events|users)-\\d{5}\\.json");

    private final PagedJsonFile tickets;
    private final PagedJsonFile metrics;
    private final PagedJsonFile events;
    private final PagedJsonFile users;
    private final ZendeskMetricsJson metricsJson;
    /** In an increment, the requesters already written (null for a history: each customer with their first ticket). */
    private final Set<Long> requestersWritten;

    /**
     * {@code isIncrement}: the export of a following week, where an older ticket's requester
     * must be in the users pages again, since ingest takes the requester's e-mail and locale
     * from the same run.
     */
    ZendeskWriter(Path dir, long ticketCount, ZoneId accountZone, BusinessClock business, boolean isIncrement)
            throws IOException {
        requestersWritten = isIncrement ? new HashSet<>() : null;
        removeOldPages(dir);
        JsonFactory json = new JsonFactory();
        tickets = new PagedJsonFile(json, dir, "tickets", "tickets", PAGE_SIZE,
                incremental("/incremental/tickets.json?start_time="));
        events = new PagedJsonFile(json, dir, "ticket_events", "ticket_events", PAGE_SIZE,
                incremental("/incremental/ticket_events.json?include=comment_events&start_time="));
        users = new PagedJsonFile(json, dir, "users", "users", PAGE_SIZE, incremental("/incremental/users.json?start_time="));
        metrics = new PagedJsonFile(json, dir, "ticket_metrics", "ticket_metrics", PAGE_SIZE,
                (g, page) -> {
                    pageUrl(g, "next_page", page.isLast() ? 0 : page.number() + 1);
                    pageUrl(g, "previous_page", page.number() - 1);
                    g.writeNumberField("count", ticketCount);
                });
        metricsJson = new ZendeskMetricsJson(business);
        String zoneName = accountZone.getId().substring(accountZone.getId().lastIndexOf('/') + 1);
        ZendeskAccountJson.agent(users.next(0), Cast.ADMIN, "admin", zoneName, accountZone.getId());
        for (Cast.Agent agent : Cast.AGENTS) {
            ZendeskAccountJson.agent(users.next(0), agent, "agent", zoneName, accountZone.getId());
        }
        try (JsonGenerator g = json.createGenerator(ExportWriter.open(dir.resolve("groups.json")))) {
            ZendeskAccountJson.groups(g);
        }
        try (JsonGenerator g = json.createGenerator(ExportWriter.open(dir.resolve("ticket_fields.json")))) {
            ZendeskAccountJson.ticketFields(g);
        }
    }

    /** Pages of an earlier, larger run would otherwise be read as part of this export. */
    private static void removeOldPages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (OUR_PAGES.matcher(file.getFileName().toString()).matches()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Time-based incremental export fields: the next poll starts at this page's end_time. */
    private static PagedJsonFile.Trailer incremental(String path) {
        return (g, page) -> {
            g.writeStringField("next_page", ZendeskTicketJson.BASE_URL + path + page.endTime());
            g.writeNumberField("count", page.records());
            g.writeBooleanField("end_of_stream", page.isLast());
            g.writeNumberField("end_time", page.endTime());
        };
    }

    private static void pageUrl(JsonGenerator g, String name, int page) throws IOException {
        ZendeskTicketJson.nullable(g, name, page < 1 ? null : ZendeskTicketJson.BASE_URL + "/ticket_metrics.json?page=" + page);
    }

    @Override
    public void write(SimTicket t, SurveyAnswer answer) throws IOException {
        boolean isRequesterDue = requestersWritten == null ? t.isNewCustomer()
                : requestersWritten.add(t.customer().id());
        if (isRequesterDue) {
            ZendeskAccountJson.customer(users.next(t.facts().createdAt()), t.customer(), t.facts().createdAt());
        }
        ZendeskTicketJson.write(tickets.next(t.facts().updatedAt()), t);
        metricsJson.write(metrics.next(t.facts().updatedAt()), t);
        ZendeskEventJson.write(events, t);
    }

    @Override
    public void close() throws IOException {
        tickets.close();
        metrics.close();
        events.close();
        users.close();
    }
}
