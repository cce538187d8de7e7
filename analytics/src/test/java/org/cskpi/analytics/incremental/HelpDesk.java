package org.cskpi.analytics.incremental;

import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cskpi.config.IsoWeek;
import org.cskpi.store.Store;

/**
 * A random help desk for the incremental property test, deterministic by seed: week after week
 * it exports new tickets (some created weeks ago), updates older ones (resolved late, reopened,
 * moved to another channel, team or category, answered late; now and then every ticket of a week
 * moved a week back, which empties that week) and its customers answer surveys, some late.
 * Times are in 2026-W40..W46 in Europe/Oslo, across the end of summer time.
 */
final class HelpDesk {

    private static final Instant START = LocalDate.of(2026, 9, 28).atStartOfDay(IncrementalAnalyzeTest.OSLO).toInstant();
    private static final String[] CHANNELS = {"email", "chat", "phone", "web", ""};
    private static final String[] CATEGORIES = {"billing", "delivery", "returns", ""};
    private static final String[] TEAMS = {"t1", "t2", ""};
    private static final String[] AGENTS = {"a1", "a2", "a3", ""};

    private final Random random;
    private final Store store;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<String, Long> invitations = new LinkedHashMap<>();
    private final Map<Long, Instant> unanswered = new LinkedHashMap<>();
    private int week = -1;
    private Instant now;

    HelpDesk(long seed, Store store) {
        this.random = new Random(seed);
        this.store = store;
    }

    /** The ISO week the desk's history starts in. */
    String firstWeek() {
        return IsoWeek.containing(START, IncrementalAnalyzeTest.OSLO).toString();
    }

    /**
     * The next export as canonical CSV lines: new and updated tickets, all with updated_at = now.
     * A quiet week has only new tickets, all created this week.
     */
    List<String> nextWeek(boolean quiet) {
        week = week < 0 ? 2 : week + 1;
        Instant weekStart = weekStart(week);
        now = weekStart.plus(Duration.ofHours(100 + random.nextInt(50)));
        List<Ticket> changed = new ArrayList<>();
        int fresh = tickets.isEmpty() ? 30 : 6 + random.nextInt(7);
        for (int i = 0; i < fresh; i++) {
            int createdWeek = tickets.isEmpty() ? random.nextInt(3)
                    : !quiet && random.nextInt(5) == 0 ? random.nextInt(week) : week;
            changed.add(newTicket(createdWeek));
        }
        if (!quiet && changed.size() < tickets.size()) {
            List<Ticket> old = new ArrayList<>(tickets.values());
            old.removeAll(changed);
            for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                Ticket ticket = old.get(random.nextInt(old.size()));
                update(ticket);
                changed.add(ticket);
            }
            if (random.nextInt(3) == 0) {
                changed.addAll(moveAWeekBack(old));
            }
        }
        List<String> lines = new ArrayList<>(List.of(Ticket.HEADER));
        changed.stream().distinct().forEach(t -> {
            t.updated = now;
            lines.add(t.csv());
        });
        return lines;
    }

    /** New invitations for resolved tickets, answers to some open ones (late ones too), one import now and then. */
    void surveyActivity() {
        List<Ticket> resolved = tickets.values().stream().filter(t -> t.resolved != null && !invitations.containsKey(t.id))
                .toList();
        for (int i = 0, n = Math.min(resolved.size(), random.nextInt(4)); i < n; i++) {
            Ticket ticket = resolved.get(random.nextInt(resolved.size()));
            if (!invitations.containsKey(ticket.id)) {
                Instant sent = between(ticket.resolved, now);
                invitations.put(ticket.id, invite(ticket.id, sent));
            }
        }
        List<Long> open = new ArrayList<>(unanswered.keySet());
        for (int i = 0, n = Math.min(open.size(), random.nextInt(4)); i < n; i++) {
            long invitation = open.get(random.nextInt(open.size()));
            Instant sent = unanswered.remove(invitation);
            if (sent != null) {
                String ticket = invitations.entrySet().stream().filter(e -> e.getValue() == invitation)
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                answer(invitation, ticket, between(sent, now), "survey");
            }
        }
        if (random.nextBoolean()) {
            List<String> ids = new ArrayList<>(tickets.keySet());
            answer(null, ids.get(random.nextInt(ids.size())), between(START, now), "import");
        }
    }

    private Ticket newTicket(int createdWeek) {
        Ticket t = new Ticket("T" + (tickets.size() + 1));
        Instant from = weekStart(createdWeek);
        Instant to = createdWeek == week ? now.minus(Duration.ofHours(1)) : weekStart(createdWeek + 1);
        t.created = between(from, to);
        if (random.nextInt(3) == 0) {
            t.created = t.created.plusMillis(random.nextInt(1000));
        }
        t.customer = random.nextInt(10) == 0 ? "" : "c" + random.nextInt(8);
        t.channel = pick(CHANNELS);
        t.category = pick(CATEGORIES);
        t.team = pick(TEAMS);
        t.agent = pick(AGENTS);
        int response = random.nextInt(20);
        if (response < 15) {
            t.firstResponse = min(t.created.plusSeconds(random.nextInt(2 * 86_400)), now);
        } else if (response == 15) {
            // After the cut-off: no response until a later cut-off passes it.
            t.firstResponse = now.plus(Duration.ofHours(1 + random.nextInt(48)));
        }
        if (random.nextBoolean()) {
            Instant resolved = t.created.plusSeconds(3_600 + random.nextInt(9 * 86_400));
            if (resolved.isBefore(now)) {
                t.resolved = resolved;
                t.finalResolved = resolved;
            }
        }
        t.reopens = random.nextInt(4) == 0 ? null : random.nextInt(2);
        t.replies = random.nextInt(4) == 0 ? null : random.nextInt(4);
        tickets.put(t.id, t);
        return t;
    }

    private void update(Ticket t) {
        switch (random.nextInt(5)) {
            case 0 -> {
                if (t.resolved == null) {
                    t.resolved = between(t.created, now);
                    t.finalResolved = t.resolved;
                } else {
                    t.finalResolved = between(t.finalResolved == null ? t.resolved : t.finalResolved, now);
                }
            }
            case 1 -> {
                if (t.resolved != null) {
                    t.reopens = (t.reopens == null ? 0 : t.reopens) + 1;
                    t.finalResolved = null;
                }
            }
            case 2 -> t.channel = pick(CHANNELS);
            case 3 -> {
                t.category = pick(CATEGORIES);
                t.team = pick(TEAMS);
                t.agent = pick(AGENTS);
            }
            default -> {
                if (t.firstResponse == null || t.firstResponse.isAfter(now)) {
                    t.firstResponse = between(t.created, now);
                }
                t.replies = (t.replies == null ? 0 : t.replies) + 1;
            }
        }
    }

    /** Every ticket of one earlier week moves a week back, times and all: that week is left empty. */
    private List<Ticket> moveAWeekBack(List<Ticket> old) {
        int emptied = random.nextInt(week);
        Instant from = weekStart(emptied);
        Instant to = weekStart(emptied + 1);
        List<Ticket> moved = old.stream().filter(t -> !t.created.isBefore(from) && t.created.isBefore(to)).toList();
        Duration back = Duration.ofDays(7);
        for (Ticket t : moved) {
            t.created = t.created.minus(back);
            t.firstResponse = t.firstResponse == null ? null : t.firstResponse.minus(back);
            t.resolved = t.resolved == null ? null : t.resolved.minus(back);
            t.finalResolved = t.finalResolved == null ? null : t.finalResolved.minus(back);
        }
        return moved;
    }

    private long invite(String ticket, Instant sent) {
        OffsetDateTime at = sent.atOffset(ZoneOffset.UTC);
        long id = store.dsl().insertInto(SURVEY_INVITATIONS)
                .set(SURVEY_INVITATIONS.TOKEN_HASH, UUID.randomUUID().toString())
                .set(SURVEY_INVITATIONS.SOURCE, "csv").set(SURVEY_INVITATIONS.TICKET_ID, ticket)
                .set(SURVEY_INVITATIONS.LOCALE, random.nextBoolean() ? "nb-NO" : "en")
                .set(SURVEY_INVITATIONS.CREATED_AT, at).set(SURVEY_INVITATIONS.EXPIRES_AT, at.plusDays(30))
                .returning(SURVEY_INVITATIONS.ID).fetchOne(SURVEY_INVITATIONS.ID);
        unanswered.put(id, sent);
        return id;
    }

    private void answer(Long invitation, String ticket, Instant at, String origin) {
        store.dsl().insertInto(SURVEY_RESPONSES)
                .set(SURVEY_RESPONSES.INVITATION_ID, invitation).set(SURVEY_RESPONSES.TICKET_ID, ticket)
                .set(SURVEY_RESPONSES.SCORE, random.nextInt(11)).set(SURVEY_RESPONSES.LOCALE, random.nextBoolean() ? "nb" : "en")
                .set(SURVEY_RESPONSES.ANSWERED_AT, at.atOffset(ZoneOffset.UTC)).set(SURVEY_RESPONSES.ORIGIN, origin)
                .execute();
    }

    private static Instant weekStart(int index) {
        return START.atZone(IncrementalAnalyzeTest.OSLO).plusWeeks(index).toInstant();
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).toSeconds());
        return from.plusSeconds(random.nextLong(seconds));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One ticket's current version, as the help desk would export it. */
    private static final class Ticket {
        static final String HEADER = "ticket_id,customer_id,channel,category,agent_id,team,status,created_at,"
                + "first_response_at,resolved_at,final_resolved_at,reopens,agent_replies,updated_at";

        final String id;
        String customer;
        String channel;
        String category;
        String team;
        String agent;
        Instant created;
        Instant firstResponse;
        Instant resolved;
        Instant finalResolved;
        Integer reopens;
        Integer replies;
        Instant updated;

        Ticket(String id) {
            this.id = id;
        }

        String csv() {
            String status = finalResolved != null ? "solved" : "open";
            return String.join(",", id, customer, channel, category, agent, team, status, text(created),
                    text(firstResponse), text(resolved), text(finalResolved), text(reopens), text(replies), text(updated));
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }
}
