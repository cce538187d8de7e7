package org.cskpi.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void the_code_is_the_status_in_words() {
        assertThat(ApiError.of(400, "give week once").code()).isEqualTo("bad_request");
        assertThat(ApiError.of(401, "Wrong API key.").code()).isEqualTo("unauthorized");
        assertThat(ApiError.of(413, "too big").code()).isEqualTo("content_too_large");
        assertThat(ApiError.of(429, "Slow down.").code()).isEqualTo("too_many_requests");
        assertThat(ApiError.of(500, "failed").code()).isEqualTo("server_error");
    }

    @Test
    void an_error_without_a_message_gets_the_status_phrase() {
        assertThat(ApiError.of(404, "")).isEqualTo(new ApiError(404, "not_found", "Not Found"));
        assertThat(ApiError.of(403, null).message()).isEqualTo("Forbidden");
    }
}
