package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A following week's export of a 4,000-ticket, 8-week history (seed 5): week 1 and week 2,
 * read back from the canonical CSV and checked against the history's rows of the same tickets.
 */
class NextWeekExportTest {

    private static final int TICKETS = 4_000;
    private static final int WEEKS = 8;
    private static final long WEEKLY = GeneratorSettings.weeklyTickets(TICKETS, WEEKS);
    private static final long FIRST_NEW_ID = TicketSimulator.FIRST_TICKET_ID + TICKETS;

    @TempDir
    static Path root;

    private static Map<String, Map<String, String>> history;
    private static List<Map<String, String>> week1;
    private static List<Map<String, String>> week2;
    private static NextWeekExport.Summary summary1;
    private static GeneratorSettings week1Settings;

    @BeforeAll
    static void generate() throws IOException {
        GeneratedFiles.generate(GeneratedFiles.settings(TICKETS, WEEKS, 5, root.resolve("history"), csv()));
        history = byId(GeneratedFiles.readCsv(root.resolve("history/csv/tickets.csv")));
        week1Settings = nextWeek(1, root.resolve("week1"), EnumSet.allOf(GeneratorSettings.Format.class));
        summary1 = run(week1Settings);
        run(nextWeek(2, root.resolve("week2"), csv()));
        week1 = GeneratedFiles.readCsv(root.resolve("week1/csv/tickets.csv"));
        week2 = GeneratedFiles.readCsv(root.resolve("week2/csv/tickets.csv"));
    }

    @Test
    void the_same_seed_and_options_give_byte_identical_files(@TempDir Path again) throws IOException {
        run(nextWeek(1, again, EnumSet.allOf(GeneratorSettings.Format.class)));
        List<Path> files = files(root.resolve("week1"));
        assertThat(files).contains(Path.of("csv/tickets.csv"), Path.of("zendesk/tickets-00001.json"),
                Path.of("freshdesk/tickets.csv"));
        assertThat(files(again)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.mismatch(root.resolve("week1").resolve(file), again.resolve(file))).as(file.toString())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void week_1_holds_the_weeks_new_tickets_with_the_next_ids_created_in_that_week() {
        List<Map<String, String>> created = week1.stream().filter(t -> id(t) >= FIRST_NEW_ID).toList();
        assertThat(created).hasSize((int) WEEKLY);
        assertThat(created.stream().map(NextWeekExportTest::id))
                .containsExactlyElementsOf(Stream.iterate(FIRST_NEW_ID, i -> i + 1).limit(WEEKLY).toList());
        long from = week1Settings.cutoff(0);
        long to = week1Settings.cutoff(1);
        assertThat(created).allSatisfy(t -> assertThat(epoch(t, "created_at")).isBetween(from, to - 1));
        assertThat(summary1.newTickets()).isEqualTo(WEEKLY);
    }

    @Test
    void updates_are_half_as_many_as_new_tickets_and_newer_rows_of_history_tickets() {
        List<Map<String, String>> updates = week1.stream().filter(t -> id(t) < FIRST_NEW_ID).toList();
        assertThat(updates.size()).isEqualTo((int) summary1.updates()).isBetween((int) (0.4 * WEEKLY),
                (int) (0.6 * WEEKLY));
        assertThat(summary1.changed()).isGreaterThan(summary1.updates());
        for (Map<String, String> now : updates) {
            Map<String, String> before = history.get(now.get("ticket_id"));
            assertThat(now.get("created_at")).as("an update never moves created_at").isEqualTo(before.get("created_at"));
            assertThat(epoch(now, "updated_at")).isGreaterThanOrEqualTo(week1Settings.cutoff(0))
                    .isGreaterThan(epoch(before, "updated_at"));
            assertThat(now.get("customer_id")).isEqualTo(before.get("customer_id"));
            if (before.get("first_response_at") != null) {
                assertThat(now.get("first_response_at")).isEqualTo(before.get("first_response_at"));
            }
            if (before.get("resolved_at") != null) {
                assertThat(now.get("resolved_at")).as("the first resolution stays").isEqualTo(before.get("resolved_at"));
            }
            assertThat(Integer.parseInt(now.get("reopens"))).isGreaterThanOrEqualTo(Integer.parseInt(before.get("reopens")));
            assertThat(Integer.parseInt(now.get("agent_replies")))
                    .isGreaterThanOrEqualTo(Integer.parseInt(before.get("agent_replies")));
        }
    }

    @Test
    void every_row_is_in_time_order() {
        for (Map<String, String> t : Stream.concat(week1.stream(), week2.stream()).toList()) {
            long created = epoch(t, "created_at");
            long updated = epoch(t, "updated_at");
            assertThat(updated).isGreaterThanOrEqualTo(created);
            for (String column : List.of("first_response_at", "resolved_at", "final_resolved_at")) {
                if (t.get(column) != null) {
                    assertThat(epoch(t, column)).as(column).isBetween(created, updated);
                }
            }
            if (t.get("final_resolved_at") != null) {
                assertThat(epoch(t, "final_resolved_at")).isGreaterThanOrEqualTo(epoch(t, "resolved_at"));
            }
        }
    }

    @Test
    void updates_include_late_resolutions_reopens_new_messages_and_moved_channels() {
        assertThat(summary1.resolved()).isPositive();
        assertThat(summary1.reopened()).isPositive();
        assertThat(summary1.messages()).isPositive();
        assertThat(summary1.moved()).isPositive();
        long resolvedLate = week1.stream().filter(t -> history.containsKey(t.get("ticket_id")))
                .filter(t -> history.get(t.get("ticket_id")).get("resolved_at") == null && t.get("resolved_at") != null)
                .count();
        long moved = week1.stream().filter(t -> history.containsKey(t.get("ticket_id")))
                .filter(t -> !history.get(t.get("ticket_id")).get("channel").equals(t.get("channel"))).count();
        long reopened = week1.stream().filter(t -> history.containsKey(t.get("ticket_id")))
                .filter(t -> Integer.parseInt(t.get("reopens"))
                        > Integer.parseInt(history.get(t.get("ticket_id")).get("reopens"))).count();
        assertThat(resolvedLate).isPositive();
        assertThat(moved).isEqualTo(summary1.moved());
        assertThat(reopened).isPositive();
    }

    @Test
    void week_2_continues_week_1() {
        Map<String, Map<String, String>> earlier = new HashMap<>(history);
        earlier.putAll(byId(week1));
        long week2FirstId = FIRST_NEW_ID + WEEKLY;
        long from = week1Settings.cutoff(1);
        List<Map<String, String>> created = week2.stream().filter(t -> id(t) >= week2FirstId).toList();
        assertThat(created).hasSize((int) WEEKLY);
        assertThat(created).allSatisfy(t -> assertThat(epoch(t, "created_at")).isGreaterThanOrEqualTo(from));
        List<Map<String, String>> updates = week2.stream().filter(t -> id(t) < week2FirstId).toList();
        assertThat(updates).as("week 1's new tickets go on in week 2").anyMatch(t -> id(t) >= FIRST_NEW_ID);
        for (Map<String, String> now : updates) {
            Map<String, String> before = earlier.get(now.get("ticket_id"));
            assertThat(now.get("created_at")).isEqualTo(before.get("created_at"));
            assertThat(epoch(now, "updated_at")).isGreaterThanOrEqualTo(from).isGreaterThan(epoch(before, "updated_at"));
        }
    }

    @Test
    void answers_are_those_given_in_the_week_to_known_tickets() throws IOException {
        List<Map<String, String>> answers = GeneratedFiles.readCsv(root.resolve("week1/csv/survey_responses.csv"));
        assertThat(answers).hasSize((int) summary1.answers()).isNotEmpty();
        Map<String, Map<String, String>> week1Rows = byId(week1);
        for (Map<String, String> a : answers) {
            assertThat(epoch(a, "answered_at")).isBetween(week1Settings.cutoff(0), week1Settings.cutoff(1) - 1);
            Map<String, String> ticket = week1Rows.getOrDefault(a.get("ticket_id"), history.get(a.get("ticket_id")));
            assertThat(ticket).isNotNull();
            assertThat(ticket.get("resolved_at")).as("answered after a resolution the ingested row shows").isNotNull();
        }
    }

    private static GeneratorSettings nextWeek(int week, Path out, EnumSet<GeneratorSettings.Format> formats) {
        GeneratorSettings history = GeneratedFiles.settings(TICKETS, WEEKS, 5, out, formats);
        return new GeneratorSettings(history.tickets(), history.weeks(), history.seed(), out, history.formats(),
                history.zone(), history.lastDay(), history.responsesShare(), history.businessHours(),
                new GeneratorSettings.NextWeek(week, WEEKLY, 0.5));
    }

    private static NextWeekExport.Summary run(GeneratorSettings settings) throws IOException {
        return new NextWeekExport(settings, new PrintStream(java.io.OutputStream.nullOutputStream())).run();
    }

    private static EnumSet<GeneratorSettings.Format> csv() {
        return EnumSet.of(GeneratorSettings.Format.CSV);
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.get("ticket_id"), row));
        return byId;
    }

    private static long id(Map<String, String> row) {
        return Long.parseLong(row.get("ticket_id"));
    }

    private static long epoch(Map<String, String> row, String column) {
        return GeneratedFiles.epoch(row.get(column));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
