package org.cskpi.batch.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pool names made of user ids: readable when plain, a hash for anything else. */
class UserPoolsTest {

    @Test
    void a_plain_user_id_keeps_its_name() {
        assertThat(UserPools.poolName("analyst")).isEqualTo("user:analyst");
        assertThat(UserPools.poolName("ana.lyst-2@example.org")).isEqualTo("user:ana.lyst-2@example.org");
    }

    @Test
    void any_other_user_id_becomes_a_hash_of_it() {
        String odd = UserPools.poolName("</pool><pool name=\"x\">");
        assertThat(odd).matches("user#[0-9a-f]{16}");
        assertThat(UserPools.poolName("Åsa Berg")).matches("user#[0-9a-f]{16}").isNotEqualTo(odd);
        assertThat(UserPools.poolName("")).matches("user#[0-9a-f]{16}");
        assertThat(UserPools.poolName("a".repeat(65))).matches("user#[0-9a-f]{16}");
    }

    @Test
    void the_same_user_always_gets_the_same_pool() {
        assertThat(UserPools.poolName("Åsa Berg")).isEqualTo(UserPools.poolName("Åsa Berg"));
    }
}
