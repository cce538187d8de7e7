package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a refused request leaves of its body: nothing up to the bound, the rest past it. */
class UnreadBodyTest {

    /** Posts {@code bytes} to a route that drops the body and answers how many bytes were still unread. */
    private static long leftAfterDiscard(int bytes) {
        long[] left = {-1};
        Javalin app = Javalin.create(config -> config.routes.post("/", ctx -> {
            UnreadBody.discard(ctx);
            ctx.result(String.valueOf(ctx.req().getInputStream().readAllBytes().length));
        }));
        JavalinTest.test(app, (server, client) -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build(),
                    HttpResponse.BodyHandlers.ofString());
            left[0] = Long.parseLong(response.body());
        });
        return left[0];
    }

    @Test
    void a_body_within_the_bound_is_read_to_its_end() {
        assertThat(leftAfterDiscard(300_000)).isZero();
    }

    @Test
    void a_larger_body_is_read_only_to_the_bound() {
        assertThat(leftAfterDiscard((int) UnreadBody.MAX_BYTES + 5_000)).isEqualTo(5_000);
    }
}
