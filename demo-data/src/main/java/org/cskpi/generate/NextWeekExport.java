package org.cskpi.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The export of week K after a generated history ({@link GeneratorSettings#nextWeek()}): what a
 * help desk's weekly export would hold once the history has been ingested. It replays the
 * history and the following weeks up to K with the cut-off moved to the end of week K, so every
 * older ticket goes on as it would have: replies, late resolutions, reopens, automatic closes.
 * The export holds
 * <ul>
 *   <li>every ticket created in week K;</li>
 *   <li>a deterministic sample of the older tickets that changed in week K (an event in it),
 *       about {@code updatesShare} times as many as the new ones, each as its whole state at the
 *       end of week K, so with a newer {@code updated_at} and its original {@code created_at};
 *       {@value #MOVED_SHARE} of a week's changed tickets also move channel that week;</li>
 *   <li>the NPS answers given in week K, except those of changed tickets left out of the sample
 *       (an answer never comes with a ticket state older than its resolution).</li>
 * </ul>
 * Two passes: the first counts the changed tickets, which sets the sample's share.
 */
public final class NextWeekExport {

    /** Share of the older tickets changed in a week that move channel that week. */
    static final double MOVED_SHARE = 0.05;

    /** What the export holds; {@code changed} counts every older ticket that changed, sampled or not. */
    public record Summary(long newTickets, long updates, long changed, long reopened, long resolved, long messages,
                          long moved, long answers, long from, long to) {
    }

    private final GeneratorSettings settings;
    private final GeneratorSettings.NextWeek next;
    private final PrintStream progress;
    private final long from;
    private final long to;

    public NextWeekExport(GeneratorSettings settings, PrintStream progress) {
        if (settings.nextWeek() == null) {
            throw new IllegalArgumentException("no following week asked for");
        }
        this.settings = settings;
        this.next = settings.nextWeek();
        this.progress = progress;
        this.from = settings.cutoff(next.week() - 1);
        this.to = settings.cutoff(next.week());
    }

    public Summary run() throws IOException {
        TicketStream stream = new TicketStream(settings, next.week(), next.tickets(), to);
        long changed = countChanged(stream);
        double sampled = changed == 0 ? 0 : Math.min(1, next.updatesShare() * next.tickets() / changed);
        SurveyModel survey = new SurveyModel(settings.responsesShare(), settings.seed(), to);
        List<ExportWriter> writers = DemoExportGenerator.openWriters(settings, stream.total(), true);
        long[] n = new long[7];
        try {
            stream.play((ticket, week) -> {
                boolean isNew = week == next.week();
                boolean isChanged = !isNew && isChanged(ticket);
                boolean isSampled = isChanged && isSampled(ticket, sampled);
                SimTicket now = isNew ? ticket : withMoves(ticket, week);
                SurveyAnswer answer = survey.answer(now);
                SurveyAnswer answerThisWeek = answer != null && answer.answeredAt() >= from
                        && (!isChanged || isSampled) ? answer : null;
                for (ExportWriter writer : writers) {
                    if (isNew || isSampled) {
                        writer.write(now, answerThisWeek);
                    } else if (answerThisWeek != null) {
                        writer.writeAnswer(answerThisWeek);
                    }
                }
                n[0] += isNew ? 1 : 0;
                n[6] += answerThisWeek == null ? 0 : 1;
                if (isSampled) {
                    count(n, now);
                }
            }, progress, "generate week " + next.week());
        } finally {
            DemoExportGenerator.close(writers);
        }
        return new Summary(n[0], n[1], changed, n[2], n[3], n[4], n[5], n[6], from, to);
    }

    private long countChanged(TicketStream stream) throws IOException {
        long[] changed = {0};
        stream.play((ticket, week) -> changed[0] += week < next.week() && isChanged(ticket) ? 1 : 0, progress,
                "count week " + next.week() + "'s changes");
        return changed[0];
    }

    /** An event in week K; events are in time order and none is at or after its end. */
    private boolean isChanged(SimTicket ticket) {
        return ticket.facts().updatedAt() >= from;
    }

    private boolean isSampled(SimTicket ticket, double share) {
        return Seeds.stream(settings.seed(), Seeds.UPDATE + next.week(), ticket.id()).nextDouble() < share;
    }

    /**
     * The ticket's channel after the moves of every following week up to K in which it changed
     * and was not new: a week's move depends only on the seed, the week and the ticket, so week K
     * shows the moves week K-1's export showed.
     */
    private SimTicket withMoves(SimTicket ticket, int createdInWeek) {
        SimTicket moved = ticket;
        for (int week = createdInWeek + 1; week <= next.week(); week++) {
            if (movesIn(ticket, week)) {
                moved = moved.withChannel(movedFrom(moved.channel()));
            }
        }
        return moved;
    }

    private boolean movesIn(SimTicket ticket, int week) {
        return ticket.changedBetween(settings.cutoff(week - 1), settings.cutoff(week))
                && Seeds.stream(settings.seed(), Seeds.MOVE + week, ticket.id()).nextDouble() < MOVED_SHARE;
    }

    /** E-mail conversations go on by phone (a call-back); every other channel's go on by e-mail. */
    static Channel movedFrom(Channel channel) {
        return channel == Channel.EMAIL ? Channel.PHONE : Channel.EMAIL;
    }

    /** Summary counts n[1..5]: updates, reopened, resolved, with a new customer message, moved this week. */
    private void count(long[] n, SimTicket now) {
        n[1]++;
        boolean isReopened = false;
        boolean isResolved = false;
        boolean hasMessage = false;
        for (SimEvent e : now.events()) {
            if (e.at() >= from) {
                isReopened |= e.isReopen();
                isResolved |= e.isSolve();
                hasMessage |= e.kind() == SimEvent.Kind.CUSTOMER_REPLY;
            }
        }
        n[2] += isReopened ? 1 : 0;
        n[3] += isResolved ? 1 : 0;
        n[4] += hasMessage ? 1 : 0;
        n[5] += movesIn(now, next.week()) ? 1 : 0;
    }
}
