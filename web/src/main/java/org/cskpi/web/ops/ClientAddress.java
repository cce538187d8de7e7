package org.cskpi.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.cskpi.web.WebFeature;

/**
 * What {@code ctx.ip()} returns everywhere (survey and login rate limits, request log). By default
 * the socket's peer address: a client can write any {@code X-Forwarded-For} it likes, so reading
 * it without a proxy in front would let anyone dodge the rate limits by inventing addresses.
 * With {@code web.trust_forwarded_for: true} (one reverse proxy in front, which appends the
 * address it saw) the client is the LAST entry of the header; earlier entries came from the
 * client and are ignored.
 */
public final class ClientAddress implements WebFeature {

    private final boolean trustForwardedFor;

    public ClientAddress(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    @Override
    public void register(JavalinConfig config) {
        config.contextResolver.ip = this::resolve;
    }

    String resolve(Context ctx) {
        String socket = ctx.req().getRemoteAddr();
        if (!trustForwardedFor) {
            return socket;
        }
        return lastForwarded(ctx.header("X-Forwarded-For")).orElse(socket);
    }

    /** The last non-blank entry of an {@code X-Forwarded-For} value, if any. */
    static Optional<String> lastForwarded(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] hops = header.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty()) {
                return Optional.of(hop);
            }
        }
        return Optional.empty();
    }
}
