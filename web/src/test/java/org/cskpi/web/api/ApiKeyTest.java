package org.cskpi.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void only_the_exact_key_matches() {
        ApiKey key = new ApiKey(Optional.of("s3cret-key"));
        assertThat(key.matches("s3cret-key")).isTrue();
        assertThat(key.matches("s3cret-ke")).isFalse();
        assertThat(key.matches("s3cret-key ")).isFalse();
        assertThat(key.matches("S3CRET-KEY")).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void no_configured_key_matches_nothing_not_even_an_empty_one() {
        assertThat(new ApiKey(Optional.empty()).matches("")).isFalse();
        assertThat(new ApiKey(Optional.of("  ")).matches("  ")).isFalse();
        assertThat(new ApiKey(Optional.of("  ")).configured()).isFalse();
    }
}
