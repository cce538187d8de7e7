package org.cskpi.batch.invite;

import static org.cskpi.store.jooq.Tables.SURVEY_CONTACTS;
import static org.cskpi.store.jooq.Tables.SURVEY_SENDS;
import static org.cskpi.store.jooq.Tables.SURVEY_UNSUBSCRIBES;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.MailSettings;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.SurveyContacts;
import org.cskpi.invitation.SurveySends;
import org.cskpi.mail.RetryPolicy;
import org.cskpi.mail.SendPacer;
import org.cskpi.mail.survey.SurveyInvitationMail;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.cskpi.store.jooq.tables.records.SurveySendsRecord;

/**
 * A store, resolved tickets in a warehouse and the customers' contacts, for the
 * {@code invite --send} tests: the mailing runs in this JVM without waiting (no pacing
 * delay, retries at once) against a given SMTP server.
 */
final class MailingFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String FROM = "Nordlys Outdoor <survey@nordlys.example>";
    static final String BASE_URL = "http://localhost:7070";

    final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CskpiConfig.Survey survey = CskpiConfig.defaults(Path.of("data")).survey();
    final Invitations invitations = new Invitations(store.dsl(), clock, survey);
    final SurveySends sends = new SurveySends(store.dsl(), clock);

    /** A resolved ticket of {@code customer} (may be null) with the ticket's own locale. */
    static Row ticket(String id, String customer, String locale, int resolvedDay) {
        Timestamp created = Timestamp.from(Instant.parse("2026-11-01T08:00:00Z"));
        Timestamp resolved = Timestamp.from(Instant.parse("2026-11-01T09:00:00Z").plus(Duration.ofDays(resolvedDay)));
        return RowFactory.create(id, "zendesk", customer, "email", "billing", null, null, null, "solved", created,
                null, resolved, resolved, null, null, null, locale, null, null);
    }

    static Dataset<Row> tickets(SparkSession spark, Path warehouse, List<Row> rows) {
        Warehouse written = Warehouse.at(spark, warehouse.toString());
        written.replace(WarehouseTables.TICKETS, spark.createDataFrame(rows, Tickets.SCHEMA));
        return new WarehouseTables(spark, written).ingestedTickets();
    }

    MailingFixture contact(String customer, String email, String locale) {
        store.dsl().insertInto(SURVEY_CONTACTS)
                .set(SURVEY_CONTACTS.CUSTOMER_ID, customer)
                .set(SURVEY_CONTACTS.EMAIL, email)
                .set(SURVEY_CONTACTS.LOCALE, locale)
                .set(SURVEY_CONTACTS.LAST_SEEN_AT, NOW.atOffset(ZoneOffset.UTC))
                .execute();
        return this;
    }

    MailingFixture unsubscribed(String customer) {
        store.dsl().insertInto(SURVEY_UNSUBSCRIBES)
                .set(SURVEY_UNSUBSCRIBES.CUSTOMER_ID, customer)
                .set(SURVEY_UNSUBSCRIBES.UNSUBSCRIBED_AT, NOW.minus(Duration.ofDays(200)).atOffset(ZoneOffset.UTC))
                .execute();
        return this;
    }

    static MailSettings smtp(String host, int port) {
        return new MailSettings(FROM, new MailSettings.Smtp(host, port, MailSettings.Security.NONE, Optional.empty(),
                Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    /** The mailing {@code invite --send} runs, to {@code settings}, with three tries and no waits. */
    InvitationMailing mailing(MailSettings settings) {
        return new InvitationMailing(new SurveyContacts(store.dsl(), clock, survey.contactRetentionDays()),
                new InvitationMails(new SurveyInvitationMail(survey.brand(), FROM), sends),
                new InvitationSender(sends, new SendPacer(6000, System::nanoTime, wait -> { }),
                        new RetryPolicy(3, Duration.ZERO, wait -> { })),
                settings);
    }

    List<SurveySendsRecord> sendRows() {
        return store.dsl().selectFrom(SURVEY_SENDS).orderBy(SURVEY_SENDS.INVITATION_ID).fetch();
    }

    @Override
    public void close() {
        store.close();
    }
}
