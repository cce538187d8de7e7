package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistical properties issue 3 asks of the demo data, measured on 20,000 tickets over
 * 8 weeks (seed 7) from the canonical CSV the generator wrote. Tolerances are a few standard
 * errors wide: e.g. a 45 % share over 20,000 tickets has a standard error of 0.35 points, so
 * +-1.5 points is more than 4 standard errors.
 */
class GeneratorRealismTest {

    private static final int TICKETS = 20_000;

    @TempDir
    static Path out;

    private static List<Map<String, String>> tickets;
    private static List<Map<String, String>> answers;

    @BeforeAll
    static void generate() throws IOException {
        GeneratedFiles.generate(GeneratedFiles.settings(TICKETS, 8, 7, out, EnumSet.of(GeneratorSettings.Format.CSV)));
        tickets = GeneratedFiles.readCsv(out.resolve("csv/tickets.csv"));
        answers = GeneratedFiles.readCsv(out.resolve("csv/survey_responses.csv"));
    }

    @Test
    void writes_the_requested_number_of_tickets_with_consecutive_ids() {
        assertThat(tickets).hasSize(TICKETS);
        assertThat(tickets.get(0).get("ticket_id")).isEqualTo("10001");
        assertThat(tickets.get(TICKETS - 1).get("ticket_id")).isEqualTo(String.valueOf(10_000 + TICKETS));
    }

    @Test
    void channel_shares_are_close_to_the_targets() {
        // targets: email 45 %, chat 25 %, phone 12 %, social 8 %, web 10 %
        assertThat(share(t -> t.get("channel").equals("email"))).isCloseTo(0.45, within(0.015));
        assertThat(share(t -> t.get("channel").equals("chat"))).isCloseTo(0.25, within(0.015));
        assertThat(share(t -> t.get("channel").equals("phone"))).isCloseTo(0.12, within(0.012));
        assertThat(share(t -> t.get("channel").equals("social"))).isCloseTo(0.08, within(0.01));
        assertThat(share(t -> t.get("channel").equals("web"))).isCloseTo(0.10, within(0.01));
    }

    @Test
    void categories_are_the_shop_complaint_types_with_delivery_delay_the_largest() {
        Set<String> categories = new HashSet<>();
        tickets.forEach(t -> categories.add(t.get("category")));
        assertThat(categories).containsExactlyInAnyOrder("delivery delay", "return/refund", "damaged item", "payment",
                "order change", "product question", "account", null);
        assertThat(share(t -> "delivery delay".equals(t.get("category")))).isCloseTo(0.27, within(0.015));
        assertThat(share(t -> t.get("category") == null)).isCloseTo(0.02, within(0.005));
    }

    @Test
    void late_morning_and_evening_are_much_busier_than_the_small_hours() {
        int[] byHour = new int[24];
        tickets.forEach(t -> byHour[local(t.get("created_at")).getHour()]++);
        double lateMorning = (byHour[10] + byHour[11]) / 2.0;
        double evening = (byHour[19] + byHour[20]) / 2.0;
        double night = (byHour[2] + byHour[3] + byHour[4]) / 3.0;
        double afternoon = (byHour[15] + byHour[16]) / 2.0;
        // profile: 10-12h 1.45-1.50, 19-21h 1.25-1.40, 02-05h 0.08-0.10, 15-17h 1.05-1.10
        assertThat(lateMorning).isGreaterThan(8 * night);
        assertThat(evening).isGreaterThan(8 * night);
        assertThat(lateMorning).isGreaterThan(1.2 * afternoon);
        assertThat(evening).isGreaterThan(1.1 * afternoon);
    }

    @Test
    void weekend_days_are_quieter_than_weekdays() {
        Map<DayOfWeek, Integer> byDay = new HashMap<>();
        tickets.forEach(t -> byDay.merge(local(t.get("created_at")).getDayOfWeek(), 1, Integer::sum));
        double weekday = (byDay.get(DayOfWeek.MONDAY) + byDay.get(DayOfWeek.TUESDAY) + byDay.get(DayOfWeek.WEDNESDAY)
                + byDay.get(DayOfWeek.THURSDAY) + byDay.get(DayOfWeek.FRIDAY)) / 5.0;
        double weekend = (byDay.get(DayOfWeek.SATURDAY) + byDay.get(DayOfWeek.SUNDAY)) / 2.0;
        // day profile: weekdays 0.95-1.15 (mean 1.03), weekend 0.65-0.70 (mean 0.675): ratio ~0.66
        assertThat(weekend / weekday).isBetween(0.55, 0.78);
    }

    @Test
    void about_one_in_nine_tickets_is_a_repeat_contact() {
        // docs/kpis.md#repeat-contacts: same customer, same category, within
        // [created_at - 7 days, created_at). Counted on tickets from day 8 on, when a full 7-day
        // history exists; the generator aims at 11 % same-topic returns plus a little coincidence
        // from other returning customers.
        Map<String, List<Long>> history = new HashMap<>();
        long first = GeneratedFiles.epoch(tickets.get(0).get("created_at"));
        int eligible = 0;
        int repeats = 0;
        for (Map<String, String> t : tickets) {
            long created = GeneratedFiles.epoch(t.get("created_at"));
            String key = t.get("customer_id") + "|" + t.get("category");
            List<Long> earlier = history.computeIfAbsent(key, k -> new ArrayList<>());
            boolean isRepeat = earlier.stream().anyMatch(e -> e >= created - 7 * 86_400L && e < created);
            if (created >= first + 7 * 86_400L) {
                eligible++;
                repeats += isRepeat ? 1 : 0;
            }
            earlier.add(created);
        }
        assertThat((double) repeats / eligible).isBetween(0.09, 0.14);
    }

    @Test
    void chat_and_phone_are_answered_in_minutes_and_email_in_hours() {
        assertThat(medianFrt("chat")).isBetween(20.0, 300.0);
        assertThat(medianFrt("phone")).isBetween(5.0, 120.0);
        assertThat(medianFrt("email")).isBetween(3_600.0, 6 * 3_600.0);
    }

    @Test
    void response_times_grow_with_load() {
        // same channel (email), staffed weekday hours: 10-12h (peak) against 15-17h (quieter)
        double peak = medianFrt(t -> t.get("channel").equals("email") && isWeekdayHour(t, 10, 12));
        double calm = medianFrt(t -> t.get("channel").equals("email") && isWeekdayHour(t, 15, 17));
        assertThat(peak).isGreaterThan(1.15 * calm);
    }

    @Test
    void some_tickets_are_unanswered_unresolved_or_reopened() {
        assertThat(share(t -> t.get("first_response_at") == null)).isBetween(0.02, 0.08);
        assertThat(share(t -> t.get("resolved_at") == null)).isBetween(0.05, 0.15);
        assertThat(share(t -> !"0".equals(t.get("reopens")))).isBetween(0.04, 0.10);
        assertThat(share(t -> t.get("status").equals("open"))).isGreaterThan(0.02);
        assertThat(share(t -> t.get("status").equals("pending"))).isGreaterThan(0.01);
    }

    @Test
    void a_handful_of_agents_in_two_or_three_teams() {
        Set<String> agents = new HashSet<>();
        Set<String> teams = new HashSet<>();
        tickets.stream().filter(t -> t.get("agent_id") != null).forEach(t -> {
            agents.add(t.get("agent_id"));
            teams.add(t.get("team"));
        });
        assertThat(agents).hasSizeBetween(6, 12);
        assertThat(teams).hasSizeBetween(2, 3);
    }

    @Test
    void nps_answers_cover_a_share_of_resolved_tickets_and_favour_fast_responses() {
        Map<String, Map<String, String>> byId = new HashMap<>();
        tickets.forEach(t -> byId.put(t.get("ticket_id"), t));
        long resolved = tickets.stream().filter(t -> t.get("resolved_at") != null).count();
        // 25 % of resolved tickets are sampled; answers after the cut-off are dropped
        assertThat((double) answers.size() / resolved).isBetween(0.22, 0.26);
        List<Integer> fast = new ArrayList<>();
        List<Integer> slow = new ArrayList<>();
        for (Map<String, String> a : answers) {
            Map<String, String> t = byId.get(a.get("ticket_id"));
            assertThat(t).as("answer for ticket %s", a.get("ticket_id")).isNotNull();
            assertThat(t.get("resolved_at")).isNotNull();
            assertThat(GeneratedFiles.epoch(a.get("answered_at"))).isGreaterThan(GeneratedFiles.epoch(t.get("resolved_at")));
            long frt = GeneratedFiles.epoch(t.get("first_response_at")) - GeneratedFiles.epoch(t.get("created_at"));
            int score = Integer.parseInt(a.get("score"));
            assertThat(score).isBetween(0, 10);
            if (t.get("first_response_at") != null && frt <= 3_600) {
                fast.add(score);
            } else if (t.get("first_response_at") != null && frt > 4 * 3_600) {
                slow.add(score);
            }
        }
        // model: fast answers have mean ~8.6 minus resolution/reopen penalties; > 4 h loses 1.6-3 points
        assertThat(fast).hasSizeGreaterThan(300);
        assertThat(slow).hasSizeGreaterThan(300);
        assertThat(mean(fast)).isGreaterThan(mean(slow) + 1.0);
        assertThat(answers).extracting(a -> a.get("locale")).containsOnly("en", "vi", "hr", "lt", "th", "nb");
    }

    private static double share(Predicate<Map<String, String>> p) {
        return (double) tickets.stream().filter(p).count() / tickets.size();
    }

    private static ZonedDateTime local(String iso) {
        return Instant.parse(iso).atZone(GeneratedFiles.OSLO);
    }

    private static boolean isWeekdayHour(Map<String, String> t, int from, int to) {
        ZonedDateTime at = local(t.get("created_at"));
        return at.getDayOfWeek().getValue() <= 5 && at.getHour() >= from && at.getHour() < to;
    }

    private static double medianFrt(String channel) {
        return medianFrt(t -> t.get("channel").equals(channel));
    }

    private static double medianFrt(Predicate<Map<String, String>> p) {
        double[] frts = tickets.stream().filter(p).filter(t -> t.get("first_response_at") != null)
                .mapToDouble(t -> GeneratedFiles.epoch(t.get("first_response_at")) - GeneratedFiles.epoch(t.get("created_at")))
                .sorted().toArray();
        return frts[frts.length / 2];
    }

    private static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }
}
