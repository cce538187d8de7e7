package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshdesk's ticket CSV: the exact header of the real export, local {@code yyyy-MM-dd HH:mm:ss}
 * times in the account zone, and the same tickets as the canonical CSV. 2,500 tickets over the
 * two weeks ending 2026-11-01, which include the end of summer time in Oslo (25 October,
 * 03:00 CEST -> 02:00 CET), where a local time between 02:00 and 03:00 happens twice.
 */
class FreshdeskExportTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path out;

    private static List<Map<String, String>> rows;
    private static Map<String, Map<String, String>> canonical;

    @BeforeAll
    static void generate() throws IOException {
        GeneratedFiles.generate(GeneratedFiles.settings(2_500, 2, 5, out,
                EnumSet.of(GeneratorSettings.Format.FRESHDESK, GeneratorSettings.Format.CSV), LocalDate.of(2026, 11, 1)));
        rows = GeneratedFiles.readCsv(out.resolve("freshdesk/tickets.csv"));
        canonical = new HashMap<>();
        GeneratedFiles.readCsv(out.resolve("csv/tickets.csv")).forEach(t -> canonical.put(t.get("ticket_id"), t));
    }

    @Test
    void header_is_exactly_the_real_exports() throws IOException {
        String firstLine = Files.readAllLines(out.resolve("freshdesk/tickets.csv"), StandardCharsets.UTF_8).get(0);
        assertThat(firstLine).isEqualTo("Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,"
                + "Due by Time,Resolved time,Closed time,Last update time,Initial response time,Time tracked,"
                + "First response time (in hrs),Resolution time (in hrs),Agent interactions,Customer interactions,"
                + "Resolution status,First response status,Tags,Survey results,Contact ID,Full name,Requester email");
    }

    @Test
    void values_use_freshdesks_words_and_formats() {
        assertThat(rows).hasSize(2_500);
        for (Map<String, String> r : rows) {
            for (String column : List.of("Created time", "Due by Time", "Resolved time", "Closed time",
                    "Last update time", "Initial response time")) {
                if (r.get(column) != null) {
                    assertThat(r.get(column)).as(column).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
                }
            }
            assertThat(r.get("Status")).isIn("Open", "Pending", "Resolved", "Closed", "Waiting on Customer");
            assertThat(r.get("Priority")).isIn("Low", "Medium", "High", "Urgent");
            assertThat(r.get("Source")).isIn("Email", "Portal", "Phone", "Chat", "Twitter", "Facebook");
            if (r.get("First response time (in hrs)") != null) {
                assertThat(r.get("First response time (in hrs)")).matches("\\d+\\.\\d\\d");
            }
            assertThat(r.get("Time tracked")).matches("\\d\\d:\\d\\d");
        }
    }

    @Test
    void rows_agree_with_the_canonical_csv_to_the_second() {
        int ambiguous = 0;
        for (Map<String, String> r : rows) {
            Map<String, String> c = canonical.get(r.get("Ticket ID"));
            assertThat(c).isNotNull();
            for (String[] pair : new String[][] {{"Created time", "created_at"},
                    {"Initial response time", "first_response_at"}, {"Resolved time", "final_resolved_at"},
                    {"Last update time", "updated_at"}}) {
                String local = r.get(pair[0]);
                if (local != null && isInRepeatedHour(local)) {
                    ambiguous++;
                    continue;
                }
                assertThat(local == null ? SimTicket.NONE : toEpoch(local)).as(pair[0] + " of " + r.get("Ticket ID"))
                        .isEqualTo(GeneratedFiles.epoch(c.get(pair[1])));
            }
            assertThat(r.get("Type") == null ? null : r.get("Type").toLowerCase(java.util.Locale.ROOT))
                    .isEqualTo(c.get("category"));
            assertThat(r.get("Group")).isEqualTo(c.get("team"));
            assertThat(r.get("Contact ID")).isEqualTo(c.get("customer_id"));
            assertThat(r.get("Agent interactions")).isEqualTo(c.get("agent_replies"));
            assertThat(Map.of("Email", "email", "Portal", "web", "Phone", "phone", "Chat", "chat", "Twitter", "social",
                    "Facebook", "social").get(r.get("Source"))).isEqualTo(c.get("channel"));
            assertThat(Map.of("Open", "open", "Pending", "pending", "Waiting on Customer", "pending",
                    "Resolved", "solved", "Closed", "closed").get(r.get("Status"))).isEqualTo(c.get("status"));
        }
        // the repeated hour on 25 October holds a few tickets; they cannot be read back unambiguously
        assertThat(ambiguous).isLessThan(40);
    }

    /** Local times of 2026-10-25 02:00-02:59 happen twice in Oslo. */
    private static boolean isInRepeatedHour(String local) {
        return local.startsWith("2026-10-25 02:");
    }

    private static long toEpoch(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local, LOCAL), GeneratedFiles.OSLO).toEpochSecond();
    }
}
