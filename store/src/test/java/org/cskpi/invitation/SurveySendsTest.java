package org.cskpi.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_SENDS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.cskpi.store.jooq.tables.records.SurveySendsRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SurveySendsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Invitations invitations = new Invitations(store.dsl(), clock,
            CskpiConfig.defaults(Path.of("data")).survey());
    private final SurveySends sends = new SurveySends(store.dsl(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    private long pending(String ticket) {
        long id = invitations.issue(new TicketRef("csv", ticket, "cust-" + ticket, "en")).issued().orElseThrow()
                .invitation().id();
        store.dsl().transaction(tx -> sends.storePending(tx.dsl(), id, "<" + ticket + "@nordlys.example>",
                ("message " + ticket).getBytes(StandardCharsets.US_ASCII)));
        return id;
    }

    private SurveySendsRecord row(long id) {
        return store.dsl().fetchOne(SURVEY_SENDS, SURVEY_SENDS.INVITATION_ID.eq(id));
    }

    @Test
    void a_row_is_pending_until_marked_and_its_message_is_cleared_then() {
        long sent = pending("1");
        long failed = pending("2");
        long retried = pending("3");

        assertThat(sends.pendingIds()).containsExactly(sent, failed, retried);
        assertThat(new String(sends.pending(sent).orElseThrow().message(), StandardCharsets.US_ASCII)).isEqualTo("message 1");
        sends.markSent(sent, "<1@nordlys.example>", 2);
        sends.markFailed(failed, "550 recipient refused at smtp.example.com:587: 5.1.1 No such user", 1);
        sends.recordAttempt(retried, "451 message refused at smtp.example.com:587: 4.3.0 Try again later", 3);

        assertThat(sends.pendingIds()).containsExactly(retried);
        assertThat(sends.pending(sent)).isEmpty();
        assertThat(row(sent).getState()).isEqualTo(SurveySends.SENT);
        assertThat(row(sent).getMessage()).isNull();
        assertThat(row(sent).getAttempts()).isEqualTo(2);
        assertThat(row(failed).getState()).isEqualTo(SurveySends.FAILED);
        assertThat(row(failed).getMessage()).isNull();
        assertThat(row(failed).getMessageId()).isEqualTo("<2@nordlys.example>");
        assertThat(row(failed).getReply()).startsWith("550 recipient refused");
        assertThat(row(retried).getState()).isEqualTo(SurveySends.PENDING);
        assertThat(row(retried).getMessage()).isNotNull();
        assertThat(row(retried).getAttempts()).isEqualTo(3);
        assertThat(row(retried).getReply()).startsWith("451");
    }

    @Test
    void a_row_no_longer_pending_is_never_marked_again() {
        long id = pending("1");
        sends.markSent(id, "<1@nordlys.example>", 1);

        sends.markFailed(id, "554 late", 1);
        sends.recordAttempt(id, "451 late", 1);

        assertThat(row(id).getState()).isEqualTo(SurveySends.SENT);
        assertThat(row(id).getAttempts()).isEqualTo(1);
        assertThat(row(id).getReply()).isNull();
    }
}
