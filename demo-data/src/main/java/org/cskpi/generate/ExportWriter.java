package org.cskpi.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cskpi.files.OwnerOnly;

/** One output format: receives every ticket (and its NPS answer, or null) in creation order. */
interface ExportWriter extends Closeable {

    void write(SimTicket ticket, SurveyAnswer answer) throws IOException;

    /**
     * An NPS answer whose ticket is not in this export (a following week's answer to an older
     * ticket). Only formats that carry answers write it.
     */
    default void writeAnswer(SurveyAnswer answer) throws IOException {
    }

    /** A UTF-8 writer with a large buffer to an owner-only file, creating parent directories. */
    static Writer open(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(OwnerOnly.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 20);
    }
}
