package org.cskpi.ingest.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an ingest run did (the ingest issue, "Command"): rows read = accepted + quarantined;
 * tickets new / updated / unchanged among the run's deduplicated tickets; the warehouse
 * versions it wrote (table -> version, none when nothing changed).
 */
public record IngestSummary(long runId, List<String> files, long rowsRead, long rowsAccepted,
                            Map<String, Long> quarantinedByReason, long unknownChannels, long dstGaps,
                            long dstOverlaps, Map<String, Long> skipped, Tickets tickets,
                            Map<String, String> versions, Optional<String> quarantineDir, Optional<Contacts> contacts,
                            Duration took) {

    /**
     * Survey contacts (docs/mail.md#contacts), while {@code survey.send} is on: customers of this run
     * whose address was kept, and addresses deleted as not seen for {@code retentionDays}.
     */
    public record Contacts(long kept, long deleted, int retentionDays) {
    }

    /** Ticket counts of the merge; {@code total} is the warehouse's tickets after the run. */
    public record Tickets(long inRun, long created, long updated, long unchanged, long total) {
    }

    public long rowsQuarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<String> lines() {
        StringBuilder reasons = new StringBuilder();
        quarantinedByReason.forEach((reason, n) -> reasons.append(reasons.length() == 0 ? " (" : ", ").append(reason).append(": ").append(n));
        if (reasons.length() > 0) {
            reasons.append(')');
        }
        List<String> lines = new java.util.ArrayList<>(List.of(
                "run " + runId + ": " + files.size() + " file(s) read in " + seconds(took),
                "rows read " + rowsRead + " = accepted " + rowsAccepted + " + quarantined " + rowsQuarantined() + reasons,
                "tickets in this run " + tickets.inRun() + ": new " + tickets.created() + ", updated " + tickets.updated()
                        + ", unchanged " + tickets.unchanged() + "; warehouse now holds " + tickets.total()));
        if (unknownChannels > 0) {
            lines.add("warning: " + unknownChannels + " row(s) with an unknown channel stored as 'other'");
        }
        if (dstGaps > 0 || dstOverlaps > 0) {
            lines.add("local times in a DST gap moved forward: " + dstGaps + "; ambiguous ones read with the earlier offset: " + dstOverlaps);
        }
        skipped.forEach((what, n) -> lines.add("skipped " + n + " " + what));
        quarantineDir.ifPresent(dir -> lines.add("quarantined rows: " + dir));
        contacts.ifPresent(c -> lines.add("survey contacts: " + c.kept() + " customers' addresses kept; " + c.deleted()
                + " not seen for " + c.retentionDays() + " days deleted"));
        return lines;
    }

    private static String seconds(Duration took) {
        return String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
