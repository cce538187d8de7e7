package org.cskpi.reports;

import java.util.List;
import java.util.Random;
import org.cskpi.config.IsoWeek;

/**
 * Realistic hand-made KPI data: 12 complete weeks 2026-W36..2026-W47 plus a partial 2026-W48,
 * five channels, three teams, fourteen agents, complaints, busiest hours and NPS answers (one
 * detractor comment tries to inject a script). Seeded, so every run sees the same store.
 */
public final class SampleStore {

    public static final IsoWeek LAST_COMPLETE = IsoWeek.parse("2026-W47");
    static final List<String> CHANNELS = List.of("chat", "email", "phone", "social", "web");
    static final List<String> TEAMS = List.of("Billing", "Onboarding", "Tech <Support>");
    static final List<String> CATEGORIES = List.of("billing", "login", "shipping", "refunds", "bug report",
            "account", "=cmd|' /C calc'!A0", "feature request");
    static final List<String> BUCKETS = List.of("\u22641m", "1m-1h", "1h-4h", "4h-24h", ">24h", "no_response");

    private SampleStore() {
    }

    public static StoreRows fill(StoreRows rows) {
        Random random = new Random(7);
        for (int i = 11; i >= 0; i--) {
            week(rows, LAST_COMPLETE.minusWeeks(i).toString(), 11 - i, random);
        }
        rows.kpi("2026-W48", "all", "all", "volume", 310, 310, true)
                .kpi("2026-W48", "all", "all", "frt_median_s", 100, 290, true);
        answers(rows, random);
        return rows;
    }

    private static void week(StoreRows rows, String week, int index, Random r) {
        double trend = index / 11.0;
        long volume = 1100 + r.nextInt(200);
        rows.all(week, "volume", volume, volume)
                .all(week, "frt_median_s", 900 + 300 * trend + r.nextInt(200), volume - 40)
                .all(week, "frt_p90_s", 9000 + r.nextInt(3000), volume - 40)
                .all(week, "frt_business_median_s", 600 + r.nextInt(200), volume - 40)
                .all(week, "frt_within_target_rate", 0.78 + 0.05 * r.nextDouble(), volume - 60)
                .all(week, "resolution_rate", 0.80 + 0.08 * r.nextDouble(), volume)
                .all(week, "resolution_rate_7d", 0.75 + 0.08 * r.nextDouble(), volume)
                .all(week, "one_touch_rate", 0.40 + 0.10 * r.nextDouble(), volume - 200)
                .all(week, "reopen_rate", 0.05 + 0.04 * r.nextDouble(), volume - 200)
                .all(week, "repeat_contact_rate", 0.09 + 0.05 * r.nextDouble(), volume - 100)
                .all(week, "backlog", 120 + r.nextInt(60), 150)
                .all(week, "nps", 28 + 10 * r.nextDouble() - 8 * trend, 110 + r.nextInt(30))
                .all(week, "nps_margin_of_error", 11 + 4 * r.nextDouble(), 120);
        long[] targets = {60, 10_800, 60, 3_600, 10_800};
        for (int c = 0; c < CHANNELS.size(); c++) {
            String channel = CHANNELS.get(c);
            double median = targets[c] * (0.6 + 0.8 * r.nextDouble() + (c == 0 ? 0.9 * trend : 0));
            long n = 80 + r.nextInt(300);
            rows.kpi(week, "channel", channel, "volume", n, n)
                    .kpi(week, "channel", channel, "frt_median_s", median, n - 5)
                    .kpi(week, "channel", channel, "frt_p90_s", median * (3 + r.nextDouble()), n - 5)
                    .kpi(week, "channel", channel, "nps", -20 + 70 * r.nextDouble(), 15 + r.nextInt(40))
                    .kpi(week, "channel", channel, "nps_margin_of_error", 12 + 10 * r.nextDouble(), 30);
        }
        breakdown(rows, week, "team", TEAMS, 300, r);
        List<String> agents = new java.util.ArrayList<>();
        for (int a = 1; a <= 14; a++) {
            agents.add("agent-" + a);
        }
        breakdown(rows, week, "agent", agents, 60, r);
        if (index >= 10) {
            for (int b = 0; b < BUCKETS.size(); b++) {
                rows.kpi(week, "frt_bucket", BUCKETS.get(b), "nps", 60 - 18 * b + 6 * r.nextDouble(), 12 + 9 * b)
                        .kpi(week, "frt_bucket", BUCKETS.get(b), "nps_margin_of_error", 14 + 3 * b, 12 + 9 * b);
            }
            for (int c = 0; c < CATEGORIES.size(); c++) {
                long tickets = 260 - 30L * c + r.nextInt(20);
                rows.complaint(week, CATEGORIES.get(c), tickets, tickets / (double) volume,
                        c == 5 ? null : -0.3 + 0.6 * r.nextDouble(), 0.05 + 0.1 * r.nextDouble());
            }
        }
        for (int day = 1; day <= 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                boolean open = day <= 5 && hour >= 9 && hour < 17;
                int base = open ? 14 : day <= 5 && hour >= 7 && hour < 21 ? 5 : 1;
                int tickets = base + r.nextInt(base + 2) - (hour < 6 ? 1 : 0);
                if (tickets > 0) {
                    rows.hour(week, day, hour, tickets);
                }
            }
        }
    }

    private static void breakdown(StoreRows rows, String week, String breakdown, List<String> values,
                                  int scale, Random r) {
        for (String value : values) {
            long n = scale / 3 + r.nextInt(scale);
            rows.kpi(week, breakdown, value, "volume", n, n)
                    .kpi(week, breakdown, value, "frt_median_s", 300 + r.nextInt(3000), n)
                    .kpi(week, breakdown, value, "frt_within_target_rate", 0.6 + 0.35 * r.nextDouble(), n)
                    .kpi(week, breakdown, value, "resolution_rate", 0.7 + 0.25 * r.nextDouble(), n)
                    .kpi(week, breakdown, value, "one_touch_rate", 0.3 + 0.3 * r.nextDouble(), n)
                    .kpi(week, breakdown, value, "reopen_rate", 0.02 + 0.1 * r.nextDouble(), n)
                    .kpi(week, breakdown, value, "backlog", r.nextInt(40), 40)
                    .kpi(week, breakdown, value, "nps", -30 + 80 * r.nextDouble(), n / 8);
        }
    }

    private static void answers(StoreRows rows, Random r) {
        String[] comments = {"Waited two days for a reply.", "Nobody read my message & I had to repeat myself.",
            "<script>alert('owned')</script> the chat bot is useless", "Refund still not processed",
            "Agent was \"friendly\" but didn't fix it"};
        for (int i = 0; i < 130; i++) {
            int score = i % 13 == 0 ? r.nextInt(4) : i % 3 == 0 ? 5 + r.nextInt(4) : 8 + r.nextInt(3);
            String day = String.format("2026-11-%02dT%02d:%02d:00Z", 16 + (i % 7), 8 + (i % 12), i % 60);
            String comment = score <= 6 ? comments[i % comments.length] : i % 4 == 0 ? "Quick and helpful" : null;
            rows.answer(day, score, comment, "T-" + (5000 + i));
        }
    }
}
