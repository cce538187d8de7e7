package org.cskpi.ingest.chatwoot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.source.InputFiles;
import org.cskpi.ingest.source.UnreadableExport;

/**
 * One Chatwoot export file and its shape: the conversations list of the API
 * ({@code {"data": {"meta": …, "payload": [conversations]}}}), a {@code {"payload": […]}} page
 * (conversations, e.g. the filter endpoint, or a conversation's messages), one conversation
 * object ({@code id}, {@code inbox_id}, {@code status} …), or the conversations CSV report.
 */
record ChatwootFile(Path path, Shape shape) {

    enum Shape { LIST, PAYLOAD, CONVERSATION, CSV }

    static final String EXPECTED = "Chatwoot's conversations JSON ({\"data\": {\"payload\": [...]}}, "
            + "{\"payload\": [...]} or one conversation object) or its conversations CSV report";

    private static final JsonFactory JSON = new JsonFactory();

    static List<ChatwootFile> sniffAll(List<Path> paths, Configuration hadoop) {
        return paths.stream().map(p -> sniff(p, hadoop)).toList();
    }

    static ChatwootFile sniff(Path path, Configuration hadoop) {
        try (InputStream in = new BufferedInputStream(InputFiles.open(path, hadoop))) {
            in.mark(1 << 16);
            int first = firstNonBlank(in);
            if (first < 0) {
                throw new UserError(path + ": empty file; expected " + EXPECTED);
            }
            if (first != '{') {
                return new ChatwootFile(path, Shape.CSV);
            }
            in.reset();
            return new ChatwootFile(path, jsonShape(path, in));
        } catch (IOException e) {
            throw UnreadableExport.error(path, e, EXPECTED);
        }
    }

    private static Shape jsonShape(Path path, InputStream in) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            parser.nextToken();
            Set<String> keys = new LinkedHashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            if (keys.contains("data")) {
                return Shape.LIST;
            }
            if (keys.contains("payload")) {
                return Shape.PAYLOAD;
            }
            if (keys.contains("id") && keys.contains("status") && (keys.contains("inbox_id") || keys.contains("meta"))) {
                return Shape.CONVERSATION;
            }
            throw new UserError(path + ": not a Chatwoot export (top-level keys " + keys + "); expected " + EXPECTED);
        }
    }

    /** Skips whitespace and a UTF-8 byte order mark; returns the first byte, or -1 at the end. */
    private static int firstNonBlank(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF);
        return b;
    }
}
