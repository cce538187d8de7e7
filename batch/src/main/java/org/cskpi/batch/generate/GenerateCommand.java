package org.cskpi.batch.generate;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cskpi.cli.CommonOptions;
import org.cskpi.config.CskpiConfig;
import org.cskpi.generate.DemoExportGenerator;
import org.cskpi.generate.GeneratorSettings;
import org.cskpi.generate.NextWeekExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cskpi generate}: realistic demo help-desk exports (no Spark involved). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write realistic demo help-desk exports (Zendesk JSON, Freshdesk CSV, canonical CSV).",
            "Also NPS answers. The same seed and end date give byte-identical files.",
            "With --next-week K: only the export of the K-th week after that history (new tickets and updates)."})
public final class GenerateCommand implements Callable<Integer> {

    /** What {@code --format} accepts. */
    enum FormatChoice { ZENDESK, FRESHDESK, CSV, ALL }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--tickets", paramLabel = "N", defaultValue = "20000", description = "Tickets to write (default: ${DEFAULT-VALUE}).")
    long tickets;

    @Option(names = "--weeks", paramLabel = "W", defaultValue = "8", description = "ISO weeks covered (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-exports", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "all",
            description = "zendesk, freshdesk, csv or all (default: ${DEFAULT-VALUE}).")
    FormatChoice format;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "Europe/Oslo",
            description = "The help desk's time zone: daily rhythm, Freshdesk times (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--end", paramLabel = "DATE",
            description = "Last day covered, yyyy-MM-dd (default: the Sunday ending the last complete ISO week).")
    LocalDate end;

    @Option(names = "--responses-share", paramLabel = "F", defaultValue = "0.25",
            description = "Share of resolved tickets with an NPS answer, 0-1 (default: ${DEFAULT-VALUE}).")
    double responsesShare;

    @Option(names = "--next-week", paramLabel = "K", defaultValue = "0",
            description = {"Write only the export of the K-th week after the history the other options describe "
                    + "(1 = the week after --end): its new tickets, updates of older tickets as newer rows, and its NPS "
                    + "answers. Ingest the history, then week 1, 2, … in order (default: 0, the history itself)."})
    int nextWeek;

    @Option(names = "--next-week-tickets", paramLabel = "M",
            description = "New tickets in each week after the history (default: the history's weekly average, "
                    + "tickets / weeks). Give the same M for every K of one history.")
    Long nextWeekTickets;

    @Option(names = "--updates-share", paramLabel = "F", defaultValue = "0.5",
            description = "Updates of older tickets in a --next-week export, as a share of its new tickets; at most "
                    + "all the tickets that changed that week (default: ${DEFAULT-VALUE}).")
    double updatesShare;

    @Override
    public Integer call() throws Exception {
        CskpiConfig config = common.config();
        ZoneId zone = zone();
        LocalDate lastDay = end != null ? end : GeneratorSettings.defaultLastDay(LocalDate.now(zone));
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(tickets, weeks, seed, out, formats(), zone, lastDay, responsesShare,
                    config.business(), nextWeek());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (settings.nextWeek() != null) {
            return writeNextWeek(settings, zone);
        }
        long started = System.nanoTime();
        DemoExportGenerator.Summary s = new DemoExportGenerator(settings, System.err).run();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Generated %s from %s (%s to %s, %s) into %s in %.1f s:%n", count(s.tickets(), "ticket"),
                count(s.customers(), "customer"), Instant.ofEpochSecond(s.firstTicketAt()),
                Instant.ofEpochSecond(s.cutoff()), zone, out, seconds);
        System.out.printf("  %,d with a first response, %,d resolved, %,d NPS answers; formats %s%n",
                s.responded(), s.resolved(), s.answers(), settings.formats().stream().sorted()
                        .map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return 0;
    }

    private GeneratorSettings.NextWeek nextWeek() {
        if (nextWeek == 0) {
            if (nextWeekTickets != null) {
                throw new IllegalArgumentException("--next-week-tickets needs --next-week");
            }
            return null;
        }
        long weekly = nextWeekTickets != null ? nextWeekTickets : GeneratorSettings.weeklyTickets(tickets, weeks);
        return new GeneratorSettings.NextWeek(nextWeek, weekly, updatesShare);
    }

    private int writeNextWeek(GeneratorSettings settings, ZoneId zone) throws java.io.IOException {
        long started = System.nanoTime();
        NextWeekExport.Summary s = new NextWeekExport(settings, System.err).run();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Generated week %d after the history (%s to %s, %s) into %s in %.1f s:%n",
                settings.nextWeek().week(), Instant.ofEpochSecond(s.from()), Instant.ofEpochSecond(s.to()), zone, out,
                seconds);
        System.out.printf("  %s and %,d updates of older tickets (of %,d that changed that week: %,d reopened, "
                        + "%,d resolved, %,d with a new customer message, %,d moved channel), %,d NPS answers%n",
                count(s.newTickets(), "new ticket"), s.updates(), s.changed(), s.reopened(), s.resolved(),
                s.messages(), s.moved(), s.answers());
        return 0;
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(),
                    "--timezone: '" + timezone + "' is not a time zone id such as Europe/Oslo");
        }
    }

    private Set<GeneratorSettings.Format> formats() {
        if (format == FormatChoice.ALL) {
            return EnumSet.allOf(GeneratorSettings.Format.class);
        }
        return EnumSet.of(GeneratorSettings.Format.valueOf(format.name()));
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
