package org.cskpi.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One output format: receives every ticket (and its NPS answer, or null) in creation order. */
interface ExportWriter extends Closeable {

    void write(SimTicket ticket, SurveyAnswer answer) throws IOException;

    /** A UTF-8 writer with a large buffer, creating parent directories. */
    static Writer open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 20);
    }
}
