package org.cskpi.web.auth;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what is left of a request's body before it is refused. A server that answers
 * and closes while the client is still sending makes the client's TCP stack see a reset, and the
 * client (a browser, the JDK's HttpClient) then reports a broken connection instead of the 401,
 * 403 or 413 it was sent. Bounded: a body past {@link #MAX_BYTES} is left unread, and its
 * sender may well see the reset.
 */
public final class UnreadBody {

    /** 16 times the app's request limit (WebApp.MAX_REQUEST_BYTES). */
    static final long MAX_BYTES = 1L << 20;

    private UnreadBody() {
    }

    /** Drops the rest of {@code ctx}'s body, at most {@link #MAX_BYTES}; a broken connection ends it quietly. */
    public static void discard(Context ctx) {
        if (ctx.req().getContentLengthLong() == 0) {
            return;
        }
        try {
            InputStream body = ctx.req().getInputStream();
            byte[] buffer = new byte[8192];
            long left = MAX_BYTES;
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
                left -= read;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the body was already taken as a reader: nothing left to drop.
        }
    }
}
