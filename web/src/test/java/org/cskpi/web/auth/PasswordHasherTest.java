package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void the_default_is_salted_argon2id_at_owasp_strength_and_checks_passwords() {
        String hash = PasswordHasher.DEFAULT.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHasher.DEFAULT.matches("correct horse", hash)).isTrue();
        assertThat(PasswordHasher.DEFAULT.matches("correct horsE", hash)).isFalse();
        assertThat(PasswordHasher.DEFAULT.hash("correct horse")).as("random salt").isNotEqualTo(hash);
    }

    @Test
    void a_hash_made_with_other_parameters_still_verifies_and_junk_never_does() {
        String cheap = new PasswordHasher(1024, 1, 1).hash("pw-123456");
        assertThat(PasswordHasher.DEFAULT.matches("pw-123456", cheap)).isTrue();
        assertThat(PasswordHasher.DEFAULT.matches("pw-123456", "pw-123456")).isFalse();
    }
}
