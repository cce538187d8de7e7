package org.cskpi.analytics.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.TOP_COMPLAINTS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.analytics.facts.FactSettings;
import org.cskpi.analytics.job.KpiComputation;
import org.cskpi.analytics.job.KpiTables;
import org.cskpi.analytics.nps.SurveyData;
import org.cskpi.analytics.period.CutOff;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.store.RunVersions;
import org.cskpi.store.Store;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Test helper: the published KPI tables, in the store and in the warehouse, against a full
 * computation over the current inputs, as multisets of rows: the same as {@code EXCEPT ALL}
 * both ways being empty, without a Spark job per comparison.
 */
public final class PublishedVsFull {

    private PublishedVsFull() {
    }

    public static void assertPublishedEqualsFull(SparkSession spark, CskpiConfig config, Store store, String when) {
        Warehouse warehouse = Warehouse.at(spark, config.warehouse(), new RunVersions(store.dsl()));
        Dataset<Row> tickets = new WarehouseTables(spark, warehouse).tickets();
        Dataset<Row> responses = SurveyData.responses(spark, store.dsl());
        Instant cutOff = CutOff.ofTickets(tickets).orElseThrow();
        KpiTables full = new KpiComputation(tickets, responses, SurveyData.invitations(spark, store.dsl()),
                FactSettings.of(config, cutOff), WeekRange.ALL).tables();
        List<Row> kpis = full.kpiWeekly().collectAsList();
        List<Row> busiest = full.busiestHours().collectAsList();
        List<Row> complaints = full.topComplaints().collectAsList();

        assertSameRows(when + ": store kpi_weekly", kpis, fromStore(store, KPI_WEEKLY, KPI_WEEKLY.WEEK,
                KPI_WEEKLY.BREAKDOWN, KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI, KPI_WEEKLY.VALUE,
                KPI_WEEKLY.SAMPLE_SIZE, KPI_WEEKLY.SMALL_SAMPLE, KPI_WEEKLY.INCOMPLETE));
        assertSameRows(when + ": store busiest_hours", busiest, fromStore(store, BUSIEST_HOURS, BUSIEST_HOURS.WEEK,
                BUSIEST_HOURS.WEEKDAY, BUSIEST_HOURS.HOUR, BUSIEST_HOURS.TICKETS));
        assertSameRows(when + ": store top_complaints", complaints, fromStore(store, TOP_COMPLAINTS,
                TOP_COMPLAINTS.WEEK, TOP_COMPLAINTS.CATEGORY, TOP_COMPLAINTS.TICKETS, TOP_COMPLAINTS.SHARE,
                TOP_COMPLAINTS.CHANGE_VS_PREVIOUS, TOP_COMPLAINTS.REPEAT_CONTACT_RATE));
        assertSameRows(when + ": warehouse kpi_weekly", kpis, current(warehouse, "kpi_weekly", full.kpiWeekly()));
        assertSameRows(when + ": warehouse busiest_hours", busiest, current(warehouse, "busiest_hours", full.busiestHours()));
        assertSameRows(when + ": warehouse top_complaints", complaints,
                current(warehouse, "top_complaints", full.topComplaints()));
    }

    private static List<Row> current(Warehouse warehouse, String table, Dataset<Row> like) {
        return warehouse.table(table).orElseThrow().selectExpr(like.columns()).collectAsList();
    }

    private static List<Row> fromStore(Store store, Table<?> table, Field<?>... fields) {
        List<Row> rows = new ArrayList<>();
        store.dsl().select(fields).from(table).fetch().forEach(r -> rows.add(RowFactory.create(r.intoArray())));
        return rows;
    }

    /** Both ways of EXCEPT ALL: the rows (with their multiplicity) one side has and the other lacks. */
    private static void assertSameRows(String what, List<Row> expected, List<Row> actual) {
        assertThat(exceptAll(expected, actual)).as(what + ": rows a full run publishes but this run lacks").isEmpty();
        assertThat(exceptAll(actual, expected)).as(what + ": rows this run published that a full run does not").isEmpty();
        assertThat(actual).as(what).isNotEmpty();
    }

    private static List<Row> exceptAll(List<Row> left, List<Row> right) {
        Map<Row, Integer> remaining = new HashMap<>();
        right.forEach(row -> remaining.merge(row, 1, Integer::sum));
        List<Row> result = new ArrayList<>();
        for (Row row : left) {
            if (remaining.getOrDefault(row, 0) > 0) {
                remaining.merge(row, -1, Integer::sum);
            } else {
                result.add(row);
            }
        }
        return result;
    }
}
