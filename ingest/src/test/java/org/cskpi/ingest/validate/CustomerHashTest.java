package org.cskpi.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerHashTest {

    @Test
    void is_hmac_sha256_of_the_trimmed_lower_cased_address() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(new CustomerHash("Jefe").of("  What do ya want for nothing? "))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void another_key_gives_another_id() {
        assertThat(new CustomerHash("k1").of("a@example.com")).isNotEqualTo(new CustomerHash("k2").of("a@example.com"));
    }
}
