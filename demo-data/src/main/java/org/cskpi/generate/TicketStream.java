package org.cskpi.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the simulated tickets in creation order: the history's weeks, then {@code weeksAfter}
 * following weeks of {@code weeklyTickets} new tickets each, every ticket with its events up
 * to {@code cutoff}. A ticket's random stream depends only on the seed and its position, and a
 * later cut-off only adds events after the earlier one, so the history's tickets are the same
 * tickets whichever weeks follow: a following week sees how they went on.
 */
final class TicketStream {

    /** Receives each ticket with the week it was created in: 0 for the history, k for the k-th following week. */
    interface Sink {
        void accept(SimTicket ticket, int week) throws IOException;
    }

    private final GeneratorSettings settings;
    private final List<ArrivalSchedule> schedules = new ArrayList<>();
    private final long cutoff;
    private final long total;
    private long customers;

    TicketStream(GeneratorSettings settings, int weeksAfter, long weeklyTickets, long cutoff) {
        this.settings = settings;
        this.cutoff = cutoff;
        ArrivalSchedule history = ArrivalSchedule.plan(settings.tickets(), settings.weeks(), settings.lastDay(),
                settings.zone(), settings.seed());
        schedules.add(history);
        int nextHour = history.hours();
        for (int week = 1; week <= weeksAfter; week++) {
            ArrivalSchedule following = ArrivalSchedule.following(nextHour, weeklyTickets,
                    settings.lastDay().plusWeeks(week), settings.zone(), settings.seed());
            schedules.add(following);
            nextHour += following.hours();
        }
        this.total = settings.tickets() + weeksAfter * weeklyTickets;
    }

    /** Every ticket the stream plays. */
    long total() {
        return total;
    }

    /** The history's first hour, as epoch seconds. */
    long historyStart() {
        return schedules.get(0).periodStart();
    }

    /** Customers met while playing (the last {@link #play}). */
    long customers() {
        return customers;
    }

    /** Plays every ticket into {@code sink}; {@code what} names the pass in the progress lines (every 5 %). */
    void play(Sink sink, PrintStream progress, String what) throws IOException {
        TicketSimulator simulator = new TicketSimulator(settings.seed(),
                new Lifecycle(new Staffing(settings.zone()), cutoff));
        long index = 0;
        long nextReport = step(1);
        for (int week = 0; week < schedules.size(); week++) {
            ArrivalSchedule schedule = schedules.get(week);
            for (int hour = 0; hour < schedule.hours(); hour++) {
                int globalHour = schedule.firstHour() + hour;
                simulator.startHour(globalHour);
                for (int offset : schedule.offsets(hour, settings.seed())) {
                    sink.accept(simulator.next(index, globalHour, schedule.hourStart(hour) + offset,
                            schedule.load(hour)), week);
                    index++;
                    if (index >= nextReport) {
                        progress.printf("%s: %3d%% (%,d of %,d tickets)%n", what, 100 * index / total, index, total);
                        nextReport = step(Math.round(20.0 * index / total) + 1);
                    }
                }
            }
        }
        customers = simulator.customerCount();
    }

    /** The ticket count at which the k-th twentieth is done. */
    private long step(long k) {
        return Math.max(1, Math.min(total, Math.round(total * k / 20.0)));
    }
}
