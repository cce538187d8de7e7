package org.cskpi.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_CONTACTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.validate.CustomerHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest with survey.send on keeps customers' addresses in the store, never in the warehouse (docs/mail.md#contacts). */
class SurveyContactsIngestTest {

    private static final String KEY = "a-secret-customer-key";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String HEADER = "ticket_id,customer_id,customer_email,status,created_at,updated_at,locale";

    @TempDir
    Path dir;

    @Test
    void addresses_go_to_the_store_keyed_by_the_warehouse_pseudonym_and_old_ones_are_deleted() throws Exception {
        Path export = Files.writeString(dir.resolve("tickets.csv"), String.join("\n", HEADER,
                // e-mail only: the warehouse keeps the keyed hash, the store the address under that hash
                "1,,Kari@Example.com,solved,2026-11-18T08:00:00Z,2026-11-18T09:00:00Z,nb-NO",
                // a help-desk id with an address; the newer row's address and locale win
                "2,C-7,ola@example.com,solved,2026-11-10T08:00:00Z,2026-11-10T09:00:00Z,vi",
                "3,C-7,ola.new@example.com,open,2026-11-19T08:00:00Z,2026-11-19T09:00:00Z,vi-VN",
                // no address, and no address-like text: nothing to keep
                "4,C-8,,open,2026-11-19T08:00:00Z,,th",
                "5,C-9,not an address,open,2026-11-19T08:00:00Z,,",
                // quarantined (bad status): its address is not kept either
                "6,C-10,q@example.com,lost,2026-11-19T08:00:00Z,,en") + "\n");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (IngestRun run = new IngestRun(dir.resolve("data"), Optional.of(KEY)).keepingContacts(clock, 90)) {
            // seen 91 days ago: past the retention; seen 89 days ago: kept
            run.store.dsl().insertInto(SURVEY_CONTACTS).columns(SURVEY_CONTACTS.CUSTOMER_ID, SURVEY_CONTACTS.EMAIL,
                    SURVEY_CONTACTS.LOCALE, SURVEY_CONTACTS.LAST_SEEN_AT)
                    .values("OLD", "old@example.com", "en", NOW.minusSeconds(91 * 86_400L).atOffset(ZoneOffset.UTC))
                    .values("RECENT", "recent@example.com", "en", NOW.minusSeconds(89 * 86_400L).atOffset(ZoneOffset.UTC))
                    .execute();

            IngestSummary summary = run.ingest(CsvReaders.canonical(), export);

            String kari = new CustomerHash(KEY).of("kari@example.com");
            assertThat(run.store.dsl().select(SURVEY_CONTACTS.CUSTOMER_ID, SURVEY_CONTACTS.EMAIL, SURVEY_CONTACTS.LOCALE)
                    .from(SURVEY_CONTACTS).orderBy(SURVEY_CONTACTS.CUSTOMER_ID)
                    .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()))
                    .containsExactly("C-7 ola.new@example.com vi-VN", "RECENT recent@example.com en",
                            kari + " Kari@Example.com nb-NO");
            assertThat(run.store.dsl().fetchOne(SURVEY_CONTACTS, SURVEY_CONTACTS.CUSTOMER_ID.eq("C-7"))
                    .getLastSeenAt().toInstant()).isEqualTo(NOW);
            assertThat(summary.contacts()).contains(new IngestSummary.Contacts(2, 1, 90));
            assertThat(summary.lines()).contains("survey contacts: 2 customers' addresses kept; 1 not seen for 90 days deleted");
            // the counts of rows and tickets are those of an ingest without contacts
            assertThat(summary.rowsRead()).isEqualTo(6);
            assertThat(summary.rowsAccepted()).isEqualTo(5);
            assertThat(summary.tickets().created()).isEqualTo(5);
            // the warehouse holds the pseudonym and no address
            assertThat(run.tickets()).extracting(r -> r.<String>getAs("customer_id"))
                    .containsExactly(kari, "C-7", "C-7", "C-8", "C-9");
            for (Row ticket : run.tickets()) {
                assertThat(ticket.toString()).doesNotContain("@");
            }
        }
    }

    @Test
    void without_survey_send_no_address_is_kept() throws Exception {
        Path export = Files.writeString(dir.resolve("tickets.csv"),
                HEADER + "\n2,C-7,ola@example.com,solved,2026-11-10T08:00:00Z,2026-11-10T09:00:00Z,vi\n");
        try (IngestRun run = new IngestRun(dir.resolve("data"))) {
            IngestSummary summary = run.ingest(CsvReaders.canonical(), export);

            assertThat(run.store.dsl().fetchCount(SURVEY_CONTACTS)).isZero();
            assertThat(summary.contacts()).isEmpty();
            assertThat(String.join("\n", summary.lines())).doesNotContain("survey contacts");
        }
    }
}
