package org.cskpi.analytics.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.analytics.fixture.TicketRow.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.facts.FactSettings;
import org.cskpi.analytics.facts.TicketFacts;
import org.cskpi.analytics.fixture.Kpis;
import org.cskpi.analytics.fixture.TicketRow;
import org.cskpi.config.BusinessClock;
import org.cskpi.config.BusinessHours;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class BacklogTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void backlog_counts_tickets_open_at_the_weeks_end_by_first_resolution(SparkSession spark) {
        // 2026-W10 ends Mon 2026-03-09 00:00 CET = 2026-03-08T23:00:00Z.
        //  a: resolved exactly at the end -> not "after the week's end": not backlog
        //  b: resolved 1 s after the end -> backlog at W10, closed in W11
        //  c: solved in W10, reopened, still open (final_resolved_at null) -> not backlog
        //  d: never resolved -> backlog at W10 and W11
        //  e: W11, never resolved
        // W10: b, d = 2. W11: d, e = 2 (b closed in W11).
        List<TicketRow> tickets = List.of(
                ticket("a").created("2026-03-03T10:00:00Z").resolved("2026-03-08T23:00:00Z"),
                ticket("b").created("2026-03-03T10:00:00Z").resolved("2026-03-08T23:00:01Z"),
                ticket("c").created("2026-03-03T10:00:00Z").resolved("2026-03-04T10:00:00Z").finalResolved(null).reopens(1),
                ticket("d").created("2026-03-04T10:00:00Z"),
                ticket("e").created("2026-03-10T10:00:00Z"));
        FactSettings settings = new FactSettings(BusinessClock.of(BusinessHours.standard(OSLO)),
                CskpiConfig.DEFAULT_FRT_TARGETS, 7, Instant.parse("2026-03-20T00:00:00Z"));
        Dataset<Row> facts = TicketFacts.prepare(TicketRow.tickets(spark, tickets), settings);
        List<Kpis.Kpi> backlog = Kpis.collect(Backlog.backlogKpis(facts, List.of(), OSLO));
        assertThat(backlog).extracting(k -> k.week() + " " + k.result() + " " + k.sampleSize())
                .containsExactlyInAnyOrder("2026-W10 2.0 2", "2026-W11 2.0 2");
    }

    /** The opened and closed sides share one count of the facts: the tickets are read once, not twice. */
    @Test
    void the_tickets_are_counted_once_for_both_sides_of_the_balance(SparkSession spark) {
        List<TicketRow> tickets = List.of(
                ticket("a").created("2026-03-03T10:00:00Z").resolved("2026-03-10T10:00:00Z"),
                ticket("b").created("2026-03-04T10:00:00Z"),
                ticket("c").created("2026-03-11T10:00:00Z").resolved("2026-03-12T10:00:00Z"));
        FactSettings settings = new FactSettings(BusinessClock.of(BusinessHours.standard(OSLO)),
                CskpiConfig.DEFAULT_FRT_TARGETS, 7, Instant.parse("2026-03-20T00:00:00Z"));
        Dataset<Row> facts = TicketFacts.prepare(TicketRow.tickets(spark, tickets), settings);
        Dataset<Row> backlog = Backlog.backlogKpis(facts, List.of(), OSLO);

        String plan = backlog.queryExecution().executedPlan().toString();
        assertThat(plan).contains("ReusedExchange");
        assertThat(plan.split("LocalTableScan", -1)).hasSize(2);
        // W10: a and b open at its end; W11: a and c closed in it, b still open.
        assertThat(Kpis.collect(backlog)).extracting(k -> k.week() + " " + k.result())
                .containsExactlyInAnyOrder("2026-W10 2.0", "2026-W11 1.0");
    }
}
