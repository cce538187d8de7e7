package org.cskpi.analytics.incremental;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.period.WeekRange;
import org.cskpi.analytics.period.WeekSelection;
import org.cskpi.config.IsoWeek;
import org.cskpi.ingest.merge.TicketChanges;
import org.cskpi.store.AnalyzeRuns;

/**
 * Decides which weeks an analyze run recomputes, and says why (docs/kpis.md#incremental-runs):
 * every week ({@code --full}, no earlier run to build on, the KPI configuration changed, inputs
 * changed in a way the change log cannot describe), the {@code --from/--to} range, or the weeks
 * touched by what changed since the last full or incremental run.
 */
public final class AnalyzePlan {

    /** What the caller asked for: {@code mode} is one of {@link AnalyzeRuns}' modes. */
    public record Request(String mode, WeekRange range) {
        public static Request full() {
            return new Request(AnalyzeRuns.FULL, WeekRange.ALL);
        }

        public static Request incremental() {
            return new Request(AnalyzeRuns.INCREMENTAL, WeekRange.ALL);
        }

        /** {@code --from/--to}; every week is a full run. */
        public static Request of(WeekRange range) {
            return range.isAll() ? full() : new Request(AnalyzeRuns.RANGE, range);
        }
    }

    /**
     * What the run reads now. {@code ticketsRunId}/{@code changesRunId}: the ingest runs that
     * recorded the current tickets and ticket_changes versions; {@code changes} the current log.
     */
    public record Current(String configHash, Optional<String> ticketsVersion, Optional<Long> ticketsRunId,
                          Optional<Long> changesRunId, Optional<Dataset<Row>> changes,
                          ChangedWeeks.Inputs data, Instant cutOff, IsoWeek lastWeek) {
    }

    /** The decision: the mode recorded, the weeks to compute and the line that explains it. */
    public record Plan(String mode, WeekSelection weeks, String why) {
        public boolean isNothing() {
            return weeks instanceof TouchedWeeks touched && touched.isEmpty();
        }
    }

    private final AnalyzeRuns runs;
    private final ChangedWeeks changedWeeks;

    public AnalyzePlan(AnalyzeRuns runs, ChangedWeeks changedWeeks) {
        this.runs = runs;
        this.changedWeeks = changedWeeks;
    }

    public Plan plan(Request request, Current now) {
        if (request.mode().equals(AnalyzeRuns.RANGE)) {
            return new Plan(AnalyzeRuns.RANGE, request.range(), "recomputing " + request.range() + " (--from/--to)");
        }
        if (request.mode().equals(AnalyzeRuns.FULL)) {
            return full("--full");
        }
        Optional<AnalyzeRuns.Inputs> baseline = runs.baseline();
        if (baseline.isEmpty()) {
            return full("no earlier full or incremental analyze to build on");
        }
        return incremental(baseline.get(), now);
    }

    private Plan incremental(AnalyzeRuns.Inputs base, Current now) {
        long run = base.runId();
        if (!base.configHash().equals(now.configHash())) {
            return full("the KPI configuration (business hours, time zone, holidays, targets or repeat window) "
                    + "changed since run " + run);
        }
        Optional<String> survey = surveyRewritten(base, now.data());
        if (survey.isPresent()) {
            return full(survey.get() + " since run " + run);
        }
        TouchedWeeks ranges = TouchedWeeks.NONE;
        for (AnalyzeRuns.Inputs range : runs.rangesAfter(run)) {
            if (range.weekFrom() == null) {
                return full("run " + range.runId() + " recomputed every week up to " + range.weekTo()
                        + " from other inputs than run " + run);
            }
            ranges = ranges.plus(span(range.weekFrom(), Optional.ofNullable(range.weekTo())));
        }
        if (!changesLogged(base, now)) {
            return full("the tickets changed since run " + run + " without a change log to say which "
                    + "(written by something other than ingest, or by an older cskpi)");
        }
        Dataset<Row> changes = pendingChanges(base, now);
        ChangedWeeks.Result result = changedWeeks.touched(changes, now.data(),
                new ChangedWeeks.Since(Optional.ofNullable(base.survey().answersMaxId()),
                        Optional.ofNullable(base.survey().invitationsMaxId()), base.cutOff()), now.cutOff());
        TouchedWeeks weeks = result.weeks().plus(ranges);
        return new Plan(AnalyzeRuns.INCREMENTAL, weeks, (weeks.isEmpty() ? "nothing to recompute: "
                : "recomputing " + weeks.describe(now.lastWeek()) + ": ") + causes(result, ranges, base, now));
    }

    /**
     * Whether the change log covers every tickets version since the baseline's: the tickets are
     * still that version, or the log was written with the current tickets by the same ingest run
     * and the baseline read a version an ingest run recorded.
     */
    private static boolean changesLogged(AnalyzeRuns.Inputs base, Current now) {
        if (now.ticketsVersion().equals(Optional.ofNullable(base.ticketsVersion()))) {
            return true;
        }
        return base.ticketChangesAfter().isPresent() && now.changes().isPresent()
                && now.ticketsRunId().isPresent() && now.ticketsRunId().equals(now.changesRunId());
    }

    /** The log rows of the ingest runs after the tickets version the baseline read. */
    private static Dataset<Row> pendingChanges(AnalyzeRuns.Inputs base, Current now) {
        if (now.ticketsVersion().equals(Optional.ofNullable(base.ticketsVersion()))) {
            return now.data().tickets().sparkSession().createDataFrame(List.of(), TicketChanges.SCHEMA);
        }
        return now.changes().orElseThrow().where(col(TicketChanges.INGEST_RUN_ID).gt(base.ticketChangesAfter().orElseThrow()));
    }

    /** Survey rows at or below the ids the baseline read that are not the ones it counted. */
    private static Optional<String> surveyRewritten(AnalyzeRuns.Inputs base, ChangedWeeks.Inputs data) {
        AnalyzeRuns.Survey seen = base.survey();
        if (countUpTo(data.responses(), "response_id", seen.answersMaxId()) != seen.answersCount()) {
            return Optional.of("survey answers were removed or committed out of order");
        }
        if (countUpTo(data.invitations(), "invitation_id", seen.invitationsMaxId()) != seen.invitationsCount()) {
            return Optional.of("survey invitations were removed or committed out of order");
        }
        return Optional.empty();
    }

    private static long countUpTo(Dataset<Row> rows, String id, Long maxId) {
        return maxId == null ? 0 : rows.where(col(id).leq(maxId)).count();
    }

    /**
     * The survey rows a run reads, as {@code analyze_runs} records them. The survey tables are
     * rows on the driver ({@code SurveyData}): their ids are counted here, where collecting a
     * local table's column runs no Spark job and an aggregation would run one.
     */
    public static AnalyzeRuns.Survey survey(Dataset<Row> responses, Dataset<Row> invitations) {
        LongSummaryStatistics answers = ids(responses, "response_id");
        LongSummaryStatistics invited = ids(invitations, "invitation_id");
        return new AnalyzeRuns.Survey(answers.getCount() == 0 ? null : answers.getMax(), answers.getCount(),
                invited.getCount() == 0 ? null : invited.getMax(), invited.getCount());
    }

    private static LongSummaryStatistics ids(Dataset<Row> rows, String id) {
        return rows.select(col(id)).collectAsList().stream().mapToLong(row -> row.getLong(0)).summaryStatistics();
    }

    private static Plan full(String why) {
        return new Plan(AnalyzeRuns.FULL, WeekRange.ALL, "recomputing every week: " + why);
    }

    private static TouchedWeeks span(String from, Optional<String> to) {
        if (to.isEmpty()) {
            return TouchedWeeks.of(List.of(), Optional.of(from));
        }
        List<String> weeks = new ArrayList<>();
        for (IsoWeek week = IsoWeek.parse(from); week.compareTo(IsoWeek.parse(to.get())) <= 0; week = week.next()) {
            weeks.add(week.toString());
        }
        return TouchedWeeks.of(weeks, Optional.empty());
    }

    private static String causes(ChangedWeeks.Result result, TouchedWeeks ranges, AnalyzeRuns.Inputs base,
                                 Current now) {
        List<String> causes = new ArrayList<>();
        if (result.tickets() > 0) {
            causes.add(result.tickets() + (result.tickets() == 1 ? " ticket" : " tickets") + " changed");
        }
        if (result.answers() > 0) {
            causes.add(result.answers() + " new survey " + (result.answers() == 1 ? "answer" : "answers"));
        }
        if (result.invitations() > 0) {
            causes.add(result.invitations() + " new " + (result.invitations() == 1 ? "invitation" : "invitations"));
        }
        String since = causes.isEmpty() ? "nothing changed since run " + base.runId()
                : String.join(", ", causes) + " since run " + base.runId();
        if (result.cutOffMoved()) {
            since += "; the cut-off moved from " + base.cutOff() + " to " + now.cutOff();
        }
        if (!ranges.isEmpty()) {
            since += "; --from/--to runs since then replaced " + ranges;
        }
        return since;
    }
}
