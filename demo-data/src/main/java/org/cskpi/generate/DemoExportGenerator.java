package org.cskpi.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.cskpi.config.BusinessClock;
import org.cskpi.config.BusinessHours;

/**
 * Streams {@code N} simulated tickets, in creation order, into every requested format. Memory
 * is bounded: one ticket at a time, one hour's arrival offsets, the fixed recent-customers
 * window and the writers' buffers. Progress goes to {@code progress} every 5 %.
 */
public final class DemoExportGenerator {

    /** Totals for the closing summary. */
    public record Summary(long tickets, long customers, long responded, long resolved, long answers,
                          long firstTicketAt, long cutoff) {
    }

    private final GeneratorSettings settings;
    private final PrintStream progress;

    public DemoExportGenerator(GeneratorSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Summary run() throws IOException {
        ArrivalSchedule schedule = ArrivalSchedule.plan(settings.tickets(), settings.weeks(), settings.lastDay(),
                settings.zone(), settings.seed());
        long cutoff = schedule.periodEnd();
        TicketSimulator simulator = new TicketSimulator(settings.seed(),
                new Lifecycle(new Staffing(settings.zone()), cutoff));
        SurveyModel survey = new SurveyModel(settings.responsesShare(), settings.seed(), cutoff);
        List<ExportWriter> writers = openWriters();
        long index = 0;
        long responded = 0;
        long resolved = 0;
        long answers = 0;
        long nextReport = step(1);
        try {
            for (int hour = 0; hour < schedule.hours(); hour++) {
                simulator.startHour(hour);
                int[] offsets = schedule.offsets(hour, settings.seed());
                for (int offset : offsets) {
                    SimTicket ticket = simulator.next(index, hour, schedule.hourStart(hour) + offset,
                            schedule.load(hour));
                    SurveyAnswer answer = survey.answer(ticket);
                    for (ExportWriter writer : writers) {
                        writer.write(ticket, answer);
                    }
                    responded += ticket.facts().hasResponse() ? 1 : 0;
                    resolved += ticket.facts().isResolved() ? 1 : 0;
                    answers += answer == null ? 0 : 1;
                    index++;
                    if (index >= nextReport) {
                        progress.printf("generate: %3d%% (%,d of %,d tickets)%n", 100 * index / settings.tickets(),
                                index, settings.tickets());
                        nextReport = step(Math.round(20.0 * index / settings.tickets()) + 1);
                    }
                }
            }
        } finally {
            for (ExportWriter writer : writers) {
                writer.close();
            }
        }
        return new Summary(index, simulator.customerCount(), responded, resolved, answers, schedule.periodStart(),
                cutoff);
    }

    /** The ticket count at which the k-th twentieth is done. */
    private long step(long k) {
        return Math.max(1, Math.min(settings.tickets(), Math.round(settings.tickets() * k / 20.0)));
    }

    private List<ExportWriter> openWriters() throws IOException {
        BusinessHours hours = settings.businessHours();
        BusinessClock business = BusinessClock.of(new BusinessHours(settings.zone(), hours.week(), hours.holidays()));
        List<ExportWriter> writers = new ArrayList<>();
        for (GeneratorSettings.Format format : GeneratorSettings.Format.values()) {
            if (!settings.formats().contains(format)) {
                continue;
            }
            switch (format) {
                case CSV -> writers.add(new CanonicalCsvWriter(settings.out().resolve("csv")));
                case FRESHDESK -> writers.add(new FreshdeskCsvWriter(settings.out().resolve("freshdesk"),
                        new Times(settings.zone()), business));
                case ZENDESK -> writers.add(new ZendeskWriter(settings.out().resolve("zendesk"), settings.tickets(),
                        settings.zone(), business));
            }
        }
        return writers;
    }
}
