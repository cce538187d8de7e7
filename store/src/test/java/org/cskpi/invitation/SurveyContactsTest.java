package org.cskpi.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.store.jooq.Tables.SURVEY_CONTACTS;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SurveyContactsTest {

    private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));

    @AfterEach
    void close() {
        store.close();
    }

    private SurveyContacts at(Instant now) {
        return new SurveyContacts(store.dsl(), Clock.fixed(now, ZoneOffset.UTC), 90);
    }

    @Test
    void a_contact_seen_again_gets_the_new_address_and_one_not_seen_for_the_retention_is_deleted() {
        at(T0).keep(List.of(new SurveyContacts.Contact("A", "a@example.com", "en"),
                new SurveyContacts.Contact("B", "b@example.com", null)).iterator());

        // 90 days later exactly: both still kept (deleted only when older than 90 days)
        SurveyContacts.Kept day90 = at(T0.plusSeconds(90L * 86_400))
                .keep(List.of(new SurveyContacts.Contact("A", "a.new@example.com", "nb")).iterator());
        long day91 = at(T0.plusSeconds(91L * 86_400)).deleteExpired();

        assertThat(day90).isEqualTo(new SurveyContacts.Kept(1, 0));
        assertThat(day91).isEqualTo(1);
        assertThat(SurveyContacts.find(store.dsl(), "A")).contains(new SurveyContacts.Contact("A", "a.new@example.com", "nb"));
        assertThat(SurveyContacts.find(store.dsl(), "B")).isEmpty();
        assertThat(SurveyContacts.find(store.dsl(), null)).isEmpty();
        assertThat(store.dsl().fetchCount(SURVEY_CONTACTS)).isEqualTo(1);
    }

    @Test
    void contacts_past_one_batch_are_all_written_and_a_seen_again_customer_keeps_one_row() {
        List<SurveyContacts.Contact> first = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            first.add(new SurveyContacts.Contact("C" + i, "c" + i + "@example.com", i % 2 == 0 ? "en" : null));
        }
        SurveyContacts.Kept kept = at(T0).keep(first.iterator());
        // a week later the same customer 700 (second batch) and a new one, 1203
        SurveyContacts.Kept again = at(T0.plusSeconds(7L * 86_400)).keep(List.of(
                new SurveyContacts.Contact("C700", "c700.new@example.com", "nb-NO"),
                new SurveyContacts.Contact("C1203", "c1203@example.com", "sv")).iterator());

        assertThat(kept).isEqualTo(new SurveyContacts.Kept(1_203, 0));
        assertThat(again).isEqualTo(new SurveyContacts.Kept(2, 0));
        assertThat(store.dsl().fetchCount(SURVEY_CONTACTS)).isEqualTo(1_204);
        assertThat(SurveyContacts.find(store.dsl(), "C1202")).contains(new SurveyContacts.Contact("C1202", "c1202@example.com", "en"));
        assertThat(SurveyContacts.find(store.dsl(), "C1201")).contains(new SurveyContacts.Contact("C1201", "c1201@example.com", null));
        assertThat(SurveyContacts.find(store.dsl(), "C700")).contains(new SurveyContacts.Contact("C700", "c700.new@example.com", "nb-NO"));
        assertThat(store.dsl().select(SURVEY_CONTACTS.LAST_SEEN_AT).from(SURVEY_CONTACTS)
                .where(SURVEY_CONTACTS.CUSTOMER_ID.eq("C700")).fetchOne().value1().toInstant())
                .isEqualTo(T0.plusSeconds(7L * 86_400));
    }
}
