package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruncatedFormTest {

    @Test
    void reads_the_fields_of_the_first_bytes_and_cuts_the_last() throws IOException {
        String body = "csrf=tok%2Ben&name=My+query&sql=" + URLEncoder.encode("SELECT 'a&b' FROM t", StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII));

        TruncatedForm form = TruncatedForm.read(in, body.indexOf("sql=") + 4 + 12);

        assertThat(form.field("csrf")).isEqualTo("tok+en");
        assertThat(form.field("name")).isEqualTo("My query");
        assertThat(form.field("sql")).isEqualTo("SELECT 'a");
        assertThat(form.field("other")).isEmpty();
        assertThat(in.available()).as("the rest is read and thrown away").isZero();
    }

    /** "SELECT 'ø" is "SELECT+%27%C3%B8": every cut inside the escapes of ø keeps "SELECT '" whole. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void a_cut_inside_an_escape_or_a_character_drops_only_that_character(int into) {
        String encoded = "sql=SELECT+%27" + "%C3%B8";
        TruncatedForm form = TruncatedForm.parse(encoded.substring(0, encoded.length() - 6 + into));
        assertThat(form.field("sql")).isEqualTo("SELECT '");
    }

    @Test
    void an_uncut_last_character_stays() {
        assertThat(TruncatedForm.parse("sql=SELECT+%27%C3%B8").field("sql")).isEqualTo("SELECT 'ø");
    }

    @Test
    void a_cut_before_the_field_leaves_it_empty() {
        TruncatedForm form = TruncatedForm.parse("csrf=abc&sq");
        assertThat(form.field("csrf")).isEqualTo("abc");
        assertThat(form.field("sql")).isEmpty();
    }
}
