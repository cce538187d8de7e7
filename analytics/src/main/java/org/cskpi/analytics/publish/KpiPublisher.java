package org.cskpi.analytics.publish;

import static org.cskpi.store.jooq.Tables.ANSWER_TICKETS;
import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.TOP_COMPLAINTS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.period.WeekSelection;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Publishes one analyze run to the KPI store in ONE transaction: delete the weeks being
 * replaced (the run's {@link WeekSelection}) in kpi_weekly, busiest_hours and top_complaints, then batch-insert the new rows.
 * H2 readers see committed data only, so they see the old KPIs or the new ones, never a mix;
 * any failure (or a killed process) before the commit leaves the previous KPIs in place.
 */
public final class KpiPublisher {

    static final int BATCH_SIZE = 5_000;

    private final DSLContext dsl;

    public KpiPublisher(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The rows of one run, as Spark rows in the column order of the warehouse tables. */
    public record Tables(Iterator<Row> kpiWeekly, Iterator<Row> busiestHours, Iterator<Row> topComplaints) {

        /**
         * The rows in the order of each table's primary key. H2 inserts rows in key order into
         * the ends of its B-trees; in Spark's order it rewrites pages all over them, which took
         * twice the CPU for 25,000 KPI rows.
         */
        public static Tables inKeyOrder(List<Row> kpiWeekly, List<Row> busiestHours, List<Row> topComplaints) {
            return new Tables(sorted(kpiWeekly, 4).iterator(), sorted(busiestHours, 3).iterator(),
                    sorted(topComplaints, 2).iterator());
        }

        /** The rows sorted by their first {@code keyColumns} columns (strings and ints, never null: key columns). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static List<Row> sorted(List<Row> rows, int keyColumns) {
            Comparator<Row> byKey = (a, b) -> {
                for (int i = 0; i < keyColumns; i++) {
                    int c = ((Comparable) a.get(i)).compareTo(b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            };
            List<Row> copy = new ArrayList<>(rows);
            copy.sort(byKey);
            return copy;
        }
    }

    public record Published(long kpiRows, long busiestRows, long complaintRows) {
    }

    public Published publish(WeekSelection weeks, Tables tables, long runId) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(KPI_WEEKLY).where(weeks.condition(KPI_WEEKLY.WEEK)).execute();
            db.deleteFrom(BUSIEST_HOURS).where(weeks.condition(BUSIEST_HOURS.WEEK)).execute();
            db.deleteFrom(TOP_COMPLAINTS).where(weeks.condition(TOP_COMPLAINTS.WEEK)).execute();
            long kpis = insertKpis(db, tables.kpiWeekly(), runId);
            long busiest = insertBusiest(db, tables.busiestHours(), runId);
            long complaints = insertComplaints(db, tables.topComplaints(), runId);
            return new Published(kpis, busiest, complaints);
        });
    }

    /**
     * Records the ticket channel and category of commented detractor answers (response_id,
     * channel, category), replacing what an earlier run recorded for the same answers; inside
     * the run's publish transaction. Returns the rows written.
     */
    public long publishAnswerTickets(Iterator<Row> rows, long runId) {
        Batches deletes = new Batches(() -> dsl.batch(dsl.deleteFrom(ANSWER_TICKETS)
                .where(ANSWER_TICKETS.RESPONSE_ID.eq(DSL.param("response_id", Long.class)))));
        Batches inserts = new Batches(() -> dsl.batch(dsl.insertInto(ANSWER_TICKETS, ANSWER_TICKETS.RESPONSE_ID,
                ANSWER_TICKETS.CHANNEL, ANSWER_TICKETS.CATEGORY, ANSWER_TICKETS.RUN_ID)
                .values((Long) null, null, null, null)));
        while (rows.hasNext()) {
            Row r = rows.next();
            deletes.add(r.getLong(0));
            inserts.add(r.getLong(0), r.getString(1), r.getString(2), runId);
        }
        deletes.finish();
        return inserts.finish();
    }

    /** kpi_weekly rows: week, breakdown, breakdown_value, kpi, value, sample_size, small_sample, incomplete. */
    private static long insertKpis(DSLContext db, Iterator<Row> rows, long runId) {
        Batches batches = new Batches(() -> db.batch(db.insertInto(KPI_WEEKLY, KPI_WEEKLY.WEEK, KPI_WEEKLY.BREAKDOWN,
                KPI_WEEKLY.BREAKDOWN_VALUE, KPI_WEEKLY.KPI, KPI_WEEKLY.VALUE, KPI_WEEKLY.SAMPLE_SIZE,
                KPI_WEEKLY.SMALL_SAMPLE, KPI_WEEKLY.INCOMPLETE, KPI_WEEKLY.RUN_ID)
                .values((String) null, null, null, null, null, null, null, null, null)));
        while (rows.hasNext()) {
            Row r = rows.next();
            batches.add(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4), r.getLong(5),
                    r.getBoolean(6), r.getBoolean(7), runId);
        }
        return batches.finish();
    }

    /** busiest_hours rows: week, weekday, hour, tickets. */
    private static long insertBusiest(DSLContext db, Iterator<Row> rows, long runId) {
        Batches batches = new Batches(() -> db.batch(db.insertInto(BUSIEST_HOURS, BUSIEST_HOURS.WEEK,
                BUSIEST_HOURS.WEEKDAY, BUSIEST_HOURS.HOUR, BUSIEST_HOURS.TICKETS, BUSIEST_HOURS.RUN_ID)
                .values((String) null, null, null, null, null)));
        while (rows.hasNext()) {
            Row r = rows.next();
            batches.add(r.getString(0), r.getInt(1), r.getInt(2), r.getLong(3), runId);
        }
        return batches.finish();
    }

    /** top_complaints rows: week, category, tickets, share, change_vs_previous, repeat_contact_rate. */
    private static long insertComplaints(DSLContext db, Iterator<Row> rows, long runId) {
        Batches batches = new Batches(() -> db.batch(db.insertInto(TOP_COMPLAINTS, TOP_COMPLAINTS.WEEK,
                TOP_COMPLAINTS.CATEGORY, TOP_COMPLAINTS.TICKETS, TOP_COMPLAINTS.SHARE,
                TOP_COMPLAINTS.CHANGE_VS_PREVIOUS, TOP_COMPLAINTS.REPEAT_CONTACT_RATE, TOP_COMPLAINTS.RUN_ID)
                .values((String) null, null, null, null, null, null, null)));
        while (rows.hasNext()) {
            Row r = rows.next();
            batches.add(r.getString(0), r.getString(1), r.getLong(2), r.getDouble(3),
                    r.isNullAt(4) ? null : r.getDouble(4), r.isNullAt(5) ? null : r.getDouble(5), runId);
        }
        return batches.finish();
    }

    /** JDBC batches of {@link #BATCH_SIZE} rows over one prepared insert. */
    private static final class Batches {
        private final Supplier<BatchBindStep> start;
        private BatchBindStep batch;
        private int pending;
        private long total;

        Batches(Supplier<BatchBindStep> start) {
            this.start = start;
        }

        void add(Object... values) {
            if (batch == null) {
                batch = start.get();
            }
            batch.bind(values);
            pending++;
            total++;
            if (pending == BATCH_SIZE) {
                batch.execute();
                batch = null;
                pending = 0;
            }
        }

        long finish() {
            if (pending > 0) {
                batch.execute();
            }
            return total;
        }
    }
}
