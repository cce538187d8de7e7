package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.USERS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.cskpi.web.MutableClock;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    private final UserService users = new UserService(store.dsl(), TestApp.FAST_HASHER,
            new MutableClock(Instant.parse("2026-11-23T08:00:00Z")));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void added_users_are_stored_with_a_hash_never_the_password() {
        users.add("ann", Role.ANALYST, "ann-password");
        users.add("bob", Role.MANAGER, "bob-password");
        assertThat(users.list()).extracting(User::username, User::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", Role.ANALYST),
                        org.assertj.core.groups.Tuple.tuple("bob", Role.MANAGER));
        assertThat(users.list().get(0).createdAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T08:00:00Z"));
        String stored = store.dsl().select(USERS.PASSWORD_HASH).from(USERS).where(USERS.USERNAME.eq("ann")).fetchOne().value1();
        assertThat(stored).startsWith("$argon2id$").doesNotContain("ann-password");
    }

    @Test
    void authenticate_needs_the_right_name_and_password() {
        users.add("ann", Role.ANALYST, "ann-password");
        assertThat(users.authenticate("ann", "ann-password")).get().extracting(User::role).isEqualTo(Role.ANALYST);
        assertThat(users.authenticate("ann", "ann-passworD")).isEmpty();
        assertThat(users.authenticate("Ann", "ann-password")).isEmpty();
        assertThat(users.authenticate("nobody", "ann-password")).isEmpty();
        assertThat(users.authenticate("ann", null)).isEmpty();
    }

    @Test
    void passwd_replaces_the_password_and_remove_ends_the_user() {
        users.add("ann", Role.ADMIN, "ann-password");
        users.changePassword("ann", "new-password");
        assertThat(users.authenticate("ann", "ann-password")).isEmpty();
        assertThat(users.authenticate("ann", "new-password")).isPresent();
        users.remove("ann");
        assertThat(users.authenticate("ann", "new-password")).isEmpty();
        assertThat(users.list()).isEmpty();
    }

    @Test
    void bad_requests_are_refused_with_a_reason() {
        users.add("ann", Role.ANALYST, "ann-password");
        assertThatThrownBy(() -> users.add("ann", Role.ADMIN, "other-password")).hasMessage("user 'ann' already exists");
        assertThatThrownBy(() -> users.add("bob", Role.ADMIN, "short")).hasMessageContaining("at least 8 characters");
        assertThatThrownBy(() -> users.add("bob smith", Role.ADMIN, "long-enough")).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> users.remove("zed")).hasMessage("no user 'zed'");
        assertThatThrownBy(() -> users.changePassword("zed", "long-enough")).hasMessage("no user 'zed'");
        assertThat(users.list()).hasSize(1);
    }

    @Test
    void roles_include_the_ones_below() {
        assertThat(Role.ADMIN.includes(Role.ANALYST)).isTrue();
        assertThat(Role.ANALYST.includes(Role.MANAGER)).isTrue();
        assertThat(Role.ANALYST.includes(Role.ADMIN)).isFalse();
        assertThat(Role.MANAGER.includes(Role.ANALYST)).isFalse();
        assertThat(Role.parse(" Analyst ")).isEqualTo(Role.ANALYST);
    }
}
