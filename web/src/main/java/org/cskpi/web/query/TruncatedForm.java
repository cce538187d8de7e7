package org.cskpi.web.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a form body ({@code application/x-www-form-urlencoded}) too large to read whole:
 * only its first bytes are decoded, so the last field present is cut short. The cut never leaves
 * a broken character: a {@code %} escape or a UTF-8 sequence split by it is dropped.
 */
record TruncatedForm(Map<String, String> fields) {

    /** What is read past the kept part and thrown away, so that the client gets the answer instead of a reset. */
    static final long MAX_DRAINED_BYTES = 16L << 20;
    private static final char REPLACEMENT = '\uFFFD';

    /** The value of field {@code name}, or "" when the kept part does not reach it. */
    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** Reads the first {@code keepBytes} of {@code body} as form fields, and skips the rest (up to a bound). */
    static TruncatedForm read(InputStream body, int keepBytes) throws IOException {
        byte[] kept = body.readNBytes(keepBytes);
        drain(body);
        return parse(new String(kept, StandardCharsets.ISO_8859_1));
    }

    /** The fields of the urlencoded text {@code prefix} whose last field is cut; the first of a name wins, as in Javalin. */
    static TruncatedForm parse(String prefix) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] pairs = prefix.split("&");
        for (int i = 0; i < pairs.length; i++) {
            boolean cut = i == pairs.length - 1;
            int equals = pairs[i].indexOf('=');
            String name = decode(equals < 0 ? pairs[i] : pairs[i].substring(0, equals), cut);
            String value = equals < 0 ? "" : decode(pairs[i].substring(equals + 1), cut);
            fields.putIfAbsent(name, value);
        }
        return new TruncatedForm(Map.copyOf(fields));
    }

    private static String decode(String encoded, boolean cut) {
        try {
            String text = URLDecoder.decode(cut ? withoutSplitEscape(encoded) : encoded, StandardCharsets.UTF_8);
            return cut ? withoutSplitCharacter(text) : text;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Drops what a UTF-8 sequence split by the cut decodes to (replacement characters at the end). */
    private static String withoutSplitCharacter(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == REPLACEMENT) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Drops a {@code %} escape the cut split ("%", "%E"). */
    private static String withoutSplitEscape(String encoded) {
        int percent = encoded.lastIndexOf('%');
        return percent >= 0 && percent > encoded.length() - 3 ? encoded.substring(0, percent) : encoded;
    }

    private static void drain(InputStream body) throws IOException {
        byte[] sink = new byte[8192];
        long drained = 0;
        for (int n = body.read(sink); n > 0 && drained < MAX_DRAINED_BYTES; n = body.read(sink)) {
            drained += n;
        }
    }
}
