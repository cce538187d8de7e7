package org.cskpi.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cskpi.cli.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingParserTest {

    private static Mapping tickets(String yaml) {
        return MappingParser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yaml", MappingTarget.TICKETS);
    }

    @Test
    void reads_every_key_of_mapping_md() {
        Mapping mapping = tickets("""
                source: servicenow
                timezone: Europe/Amsterdam
                csv: {delimiter: "\\t", encoding: windows-1252, header: false}
                null_values: ["?", "NA", ""]
                columns: {ticket_id: c1, created_at: c2, channel: c3, resolved_at: [c4, c5]}
                timestamp_formats: ["dd-MM-yyyy HH:mm"]
                values: {channel: {Phone: phone, "Self service": web}}
                constants: {priority: normal}
                """);
        assertThat(mapping.source()).isEqualTo("servicenow");
        assertThat(mapping.timezone()).isEqualTo("Europe/Amsterdam");
        assertThat(mapping.delimiter()).isEqualTo('\t');
        assertThat(mapping.encoding()).isEqualTo("windows-1252");
        assertThat(mapping.header()).isFalse();
        assertThat(mapping.nullValues()).containsExactlyInAnyOrder("?", "NA", "");
        assertThat(mapping.columns()).containsEntry("resolved_at", List.of("c4", "c5"));
        assertThat(mapping.timestampFormats()).containsExactly("dd-MM-yyyy HH:mm");
        assertThat(mapping.values()).isEqualTo(Map.of("channel", Map.of("phone", "phone", "self service", "web")));
        assertThat(mapping.constants()).isEqualTo(Map.of("priority", "normal"));
    }

    @Test
    void defaults_are_comma_utf8_header_and_empty_as_null() {
        Mapping mapping = tickets("source: x\ncolumns: {ticket_id: id, created_at: opened}\n");
        assertThat(mapping.delimiter()).isEqualTo(',');
        assertThat(mapping.encoding()).isEqualTo("UTF-8");
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.nullValues()).containsExactly("");
        assertThat(mapping.timezoneId()).isEmpty();
    }

    @Test
    void cells_are_trimmed_nulled_and_mapped_case_insensitively() {
        Mapping mapping = tickets("""
                source: x
                null_values: ["?"]
                columns: {ticket_id: id, created_at: opened, status: state}
                values: {status: {Awaiting User Info: pending}}
                """);
        assertThat(mapping.cell("status", "  awaiting user INFO ")).isEqualTo("pending");
        assertThat(mapping.cell("status", " ? ")).isNull();
        assertThat(mapping.cell("status", "   ")).isNull();
        assertThat(mapping.cell("status", " Other ")).isEqualTo("Other");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown top key       | source: x\\ncolumns: {ticket_id: a, created_at: b}\\ncolums: {}         | m.yaml: colums: unknown key",
        "unknown csv key       | source: x\\ncolumns: {ticket_id: a, created_at: b}\\ncsv: {quote: x}  | m.yaml: csv.quote: unknown key",
        "unknown column        | source: x\\ncolumns: {ticket_id: a, created_at: b, owner: c}      | m.yaml: columns.owner: unknown canonical column",
        "missing ticket_id     | source: x\\ncolumns: {created_at: b}                               | m.yaml: columns: missing ticket_id",
        "missing created_at    | source: x\\ncolumns: {ticket_id: a}                                | m.yaml: columns: missing created_at",
        "missing source        | columns: {ticket_id: a, created_at: b}                           | m.yaml: source: missing",
        "long delimiter        | source: x\\ncolumns: {ticket_id: a, created_at: b}\\ncsv: {delimiter: ab} | m.yaml: csv.delimiter: expected one character",
        "unknown charset       | source: x\\ncolumns: {ticket_id: a, created_at: b}\\ncsv: {encoding: klingon} | m.yaml: csv.encoding: unknown charset",
        "bad zone              | source: x\\ntimezone: Mars/Base\\ncolumns: {ticket_id: a, created_at: b} | m.yaml: timezone: expected a time zone id",
        "bad pattern           | source: x\\ncolumns: {ticket_id: a, created_at: b}\\ntimestamp_formats: [\"yyyy-MM-dd qqqqqq\"] | m.yaml: timestamp_formats:",
        "bad header flag       | source: x\\ncolumns: {ticket_id: a, created_at: b}\\ncsv: {header: maybe} | m.yaml: csv.header: expected true or false",
    })
    void a_bad_mapping_is_an_error_naming_the_key(String name, String yaml, String message) {
        assertThatThrownBy(() -> tickets(yaml.replace("\\n", "\n")))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void a_constant_satisfies_a_required_column() {
        Mapping mapping = tickets("source: x\ncolumns: {ticket_id: a}\nconstants: {created_at: \"2026-01-01\"}\n");
        assertThat(mapping.provides("created_at")).isTrue();
    }

    @Test
    void responses_need_score_answered_at_and_a_ticket_or_customer_but_no_source() {
        Mapping ok = MappingParser.parse(new ByteArrayInputStream(
                "columns: {customer_id: who, score: s, answered_at: t}\n".getBytes(StandardCharsets.UTF_8)),
                "r.yaml", MappingTarget.RESPONSES);
        assertThat(ok.source()).isNull();
        assertThatThrownBy(() -> MappingParser.parse(new ByteArrayInputStream(
                "columns: {score: s, answered_at: t}\n".getBytes(StandardCharsets.UTF_8)), "r.yaml", MappingTarget.RESPONSES))
                .hasMessage("r.yaml: columns: missing ticket_id or customer_id (a response needs at least one of them)");
    }
}
