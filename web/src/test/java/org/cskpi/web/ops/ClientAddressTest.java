package org.cskpi.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which address the rate limits see: the socket's, or with a trusted proxy the last X-Forwarded-For hop. */
class ClientAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "203.0.113.7|203.0.113.7",
            "6.6.6.6, 203.0.113.7|203.0.113.7",  // the client wrote 6.6.6.6; our proxy appended the real one
            "203.0.113.7 , |203.0.113.7",
            "' '|NULL",
            "NULL|NULL"})
    void the_last_forwarded_hop_is_the_client(String header, String expected) {
        assertThat(ClientAddress.lastForwarded(header)).isEqualTo(Optional.ofNullable(expected));
    }

    /** Survey limit 3 a minute per address; four requests each claiming another forwarded address. */
    private static int refusedOfFour(boolean trustForwardedFor) {
        CskpiConfig config = TestWeb.withWeb(TestWeb.config(3), false, trustForwardedFor);
        int[] refused = {0};
        try (Store store = TestWeb.store()) {
            Javalin app = WebApp.create(WebDeps.of(config, store, new MutableClock(Instant.parse("2026-11-20T10:00:00Z"))));
            JavalinTest.test(app, (server, client) -> {
                for (int i = 1; i <= 4; i++) {
                    int n = i;
                    int code = client.get("/s/unknown", req -> req.header("X-Forwarded-For", "198.51.100." + n)).code();
                    refused[0] += code == 429 ? 1 : 0;
                }
            });
        }
        return refused[0];
    }

    @Test
    void without_a_trusted_proxy_a_made_up_forwarded_header_does_not_dodge_the_limit() {
        assertThat(refusedOfFour(false)).isEqualTo(1);
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
        assertThat(refusedOfFour(true)).isZero();
    }
}
