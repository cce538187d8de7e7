package org.cskpi.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictDecodingReaderTest {

    @Test
    void decodes_windows_1252() throws IOException {
        byte[] bytes = "Réclamation;20 €".getBytes(Charset.forName("windows-1252"));
        assertThat(read(bytes, Charset.forName("windows-1252"))).isEqualTo("Réclamation;20 €");
    }

    @Test
    void skips_a_utf8_bom() throws IOException {
        byte[] bytes = "\uFEFFticket_id".getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, StandardCharsets.UTF_8)).isEqualTo("ticket_id");
    }

    @Test
    void invalid_bytes_fail_with_their_offset() {
        // "a,b\nCaf" is 7 bytes; then 0xE9 (windows-1252 é) is not valid UTF-8 at offset 7.
        byte[] bytes = {'a', ',', 'b', '\n', 'C', 'a', 'f', (byte) 0xE9, '\n'};
        assertThatThrownBy(() -> read(bytes, StandardCharsets.UTF_8))
                .isInstanceOf(StrictDecodingReader.MalformedInputAt.class)
                .hasMessage("bytes not valid UTF-8 at byte offset 7");
    }

    @Test
    void offsets_count_across_buffer_refills() {
        byte[] bytes = new byte[200_000];
        java.util.Arrays.fill(bytes, (byte) 'x');
        bytes[150_001] = (byte) 0xFF;
        assertThatThrownBy(() -> read(bytes, StandardCharsets.UTF_8))
                .hasMessage("bytes not valid UTF-8 at byte offset 150001");
    }

    @Test
    void a_truncated_multibyte_sequence_at_the_end_fails() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = {'a', euro[0], euro[1]};
        assertThatThrownBy(() -> read(bytes, StandardCharsets.UTF_8))
                .hasMessage("bytes not valid UTF-8 at byte offset 1");
    }

    private static String read(byte[] bytes, Charset charset) throws IOException {
        try (Reader reader = new StrictDecodingReader(new ByteArrayInputStream(bytes), charset)) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }
}
