package org.cskpi.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A Zendesk API listing written as pages {@code prefix-00001.json}, {@code -00002.json}, ...
 * of at most {@code pageSize} records under one top-level array key, each page followed by
 * its pagination fields. A page's fields are written when the next page starts (or at
 * close), so the last page knows it is the last. Only the current page is in memory.
 */
final class PagedJsonFile implements Closeable {

    /** Writes a page's pagination fields after its array. */
    interface Trailer {
        void write(JsonGenerator g, Page page) throws IOException;
    }

    /** What a trailer knows: page number (from 1), records in it, the newest record time, last or not. */
    record Page(int number, int records, long endTime, boolean isLast) {
    }

    private final JsonFactory json;
    private final Path dir;
    private final String prefix;
    private final String key;
    private final int pageSize;
    private final Trailer trailer;
    private JsonGenerator current;
    private int page;
    private int records;
    private long endTime;

    PagedJsonFile(JsonFactory json, Path dir, String prefix, String key, int pageSize, Trailer trailer) {
        this.json = json;
        this.dir = dir;
        this.prefix = prefix;
        this.key = key;
        this.pageSize = pageSize;
        this.trailer = trailer;
    }

    /** The generator, positioned to write one more record (an object) created or updated at {@code time}. */
    JsonGenerator next(long time) throws IOException {
        if (current != null && records == pageSize) {
            finish(false);
        }
        if (current == null) {
            open();
        }
        records++;
        endTime = Math.max(endTime, time);
        return current;
    }

    private void open() throws IOException {
        page++;
        records = 0;
        endTime = 0;
        String name = String.format(Locale.ROOT, "%s-%05d.json", prefix, page);
        current = json.createGenerator(ExportWriter.open(dir.resolve(name)));
        current.writeStartObject();
        current.writeArrayFieldStart(key);
    }

    private void finish(boolean isLast) throws IOException {
        current.writeEndArray();
        trailer.write(current, new Page(page, records, endTime, isLast));
        current.writeEndObject();
        current.writeRaw('\n');
        current.close();
        current = null;
    }

    @Override
    public void close() throws IOException {
        if (current == null && page == 0) {
            open();
        }
        if (current != null) {
            finish(true);
        }
    }
}
