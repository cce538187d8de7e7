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
 * window and the writers' buffers. Progress goes to {@code progress} every 5 %. A following
 * week's export of the same history is {@link NextWeekExport}'s.
 */
public final class DemoExportGenerator {

    /** Totals for the closing summary. */
    public record Summary(long tickets, long customers, long responded, long resolved, long answers,
                          long firstTicketAt, long cutoff) {
    }

    private final GeneratorSettings settings;
    private final PrintStream progress;

    public DemoExportGenerator(GeneratorSettings settings, PrintStream progress) {
        if (settings.nextWeek() != null) {
            throw new IllegalArgumentException("a following week's export is NextWeekExport's");
        }
        this.settings = settings;
        this.progress = progress;
    }

    public Summary run() throws IOException {
        long cutoff = settings.cutoff(0);
        TicketStream stream = new TicketStream(settings, 0, 0, cutoff);
        SurveyModel survey = new SurveyModel(settings.responsesShare(), settings.seed(), cutoff);
        List<ExportWriter> writers = openWriters(settings, settings.tickets(), false);
        long[] totals = new long[4];
        try {
            stream.play((ticket, week) -> {
                SurveyAnswer answer = survey.answer(ticket);
                for (ExportWriter writer : writers) {
                    writer.write(ticket, answer);
                }
                totals[0]++;
                totals[1] += ticket.facts().hasResponse() ? 1 : 0;
                totals[2] += ticket.facts().isResolved() ? 1 : 0;
                totals[3] += answer == null ? 0 : 1;
            }, progress, "generate");
        } finally {
            close(writers);
        }
        return new Summary(totals[0], stream.customers(), totals[1], totals[2], totals[3], stream.historyStart(),
                cutoff);
    }

    static void close(List<ExportWriter> writers) throws IOException {
        for (ExportWriter writer : writers) {
            writer.close();
        }
    }

    /**
     * The requested formats' writers; {@code accountTickets} is the help desk's ticket count so
     * far, and {@code isIncrement} makes the Zendesk users export hold every requester once.
     */
    static List<ExportWriter> openWriters(GeneratorSettings settings, long accountTickets, boolean isIncrement)
            throws IOException {
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
                case ZENDESK -> writers.add(new ZendeskWriter(settings.out().resolve("zendesk"), accountTickets,
                        settings.zone(), business, isIncrement));
            }
        }
        return writers;
    }
}
