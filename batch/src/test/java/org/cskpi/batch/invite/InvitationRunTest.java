package org.cskpi.batch.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.SurveyToken;
import org.cskpi.invitation.TicketRef;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class InvitationRunTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    private final Invitations invitations = new Invitations(store.dsl(), Clock.fixed(NOW, ZoneOffset.UTC),
            CskpiConfig.defaults(Path.of("data")).survey());

    @AfterEach
    void close() {
        store.close();
    }

    private static Row ticket(String source, String id, String customer, String locale, String resolvedAt) {
        Timestamp created = Timestamp.from(Instant.parse("2026-10-30T08:00:00Z"));
        Timestamp resolved = resolvedAt == null ? null : Timestamp.from(Instant.parse(resolvedAt));
        return RowFactory.create(id, source, customer, "email", "billing", null, null, null,
                resolved == null ? "open" : "solved", created, null, resolved, resolved, null, null, null, locale, null, null);
    }

    private static Dataset<Row> tickets(SparkSession spark, Path warehouse) {
        Dataset<Row> rows = spark.createDataFrame(List.of(
                ticket("zendesk", "t1", "A", "vi", "2026-11-10T09:00:00Z"),
                ticket("zendesk", "t2", "A", "en", "2026-11-12T09:00:00Z"),
                ticket("zendesk", "t3", "B", null, null),
                ticket("csv", "t4", null, "th", "2026-11-01T09:00:00Z"),
                ticket("zendesk", "t5", "C", "nb", "2026-11-11T09:00:00Z")), Tickets.SCHEMA);
        Warehouse written = Warehouse.at(spark, warehouse.toString());
        written.replace(WarehouseTables.TICKETS, rows);
        return new WarehouseTables(spark, written).ingestedTickets();
    }

    @Test
    void invites_resolved_tickets_once_per_ticket_and_customer_and_writes_their_links(SparkSession spark, @TempDir Path dir)
            throws Exception {
        invitations.issue(new TicketRef("zendesk", "t5", "C", "nb"));
        Path out = dir.resolve("invitations.csv");

        // since 2026-11-05: t4 (resolved 11-01) and t3 (never resolved) are left out; of t1, t5, t2
        // (resolution order) t1 is invited, t5 already was, t2's customer A was just invited (fatigue)
        InvitationRun.Counts counts = new InvitationRun(invitations)
                .run(tickets(spark, dir.resolve("wh")), Optional.of(Instant.parse("2026-11-05T00:00:00Z")), out);

        assertThat(counts).isEqualTo(new InvitationRun.Counts(3, 1, 1, 1, 0, 0));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).as("live survey links")
                .isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("source,ticket_id,customer_id,locale,survey_link,"
                + "score_0_link,score_1_link,score_2_link,score_3_link,score_4_link,score_5_link,"
                + "score_6_link,score_7_link,score_8_link,score_9_link,score_10_link");
        String[] row = lines.get(1).split(",");
        assertThat(row).hasSize(16);
        assertThat(List.of(row).subList(0, 4)).containsExactly("zendesk", "t1", "A", "vi");
        assertThat(row[4]).matches("http://localhost:7070/s/[A-Za-z0-9_-]{43}");
        assertThat(row[5]).isEqualTo(row[4] + "?score=0");
        assertThat(row[15]).isEqualTo(row[4] + "?score=10");
        String token = row[4].substring(row[4].lastIndexOf('/') + 1);
        assertThat(store.dsl().fetchOne(SURVEY_INVITATIONS, SURVEY_INVITATIONS.TICKET_ID.eq("t1")).getTokenHash())
                .isEqualTo(SurveyToken.hash(token));
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isEqualTo(2);
    }

    @Test
    void without_a_date_every_resolved_ticket_is_considered(SparkSession spark, @TempDir Path dir) {
        // t4 (no customer) and t1 are invited; t5 next: customer C new -> invited; t2: A fatigued
        InvitationRun.Counts counts = new InvitationRun(invitations)
                .run(tickets(spark, dir.resolve("wh")), Optional.empty(), dir.resolve("out.csv"));

        assertThat(counts).isEqualTo(new InvitationRun.Counts(4, 3, 0, 1, 0, 0));
    }

    @Test
    void an_existing_output_file_is_never_overwritten(SparkSession spark, @TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("invitations.csv"), "links from last week");

        assertThatThrownBy(() -> new InvitationRun(invitations).run(tickets(spark, dir.resolve("wh")), Optional.empty(), out))
                .isInstanceOf(UserError.class).hasMessageContaining("invitations.csv: already exists");
        assertThat(Files.readString(out)).isEqualTo("links from last week");
        assertThat(store.dsl().fetchCount(SURVEY_INVITATIONS)).isZero();
    }
}
