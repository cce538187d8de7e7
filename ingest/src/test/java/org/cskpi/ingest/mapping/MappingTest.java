package org.cskpi.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class MappingTest {

    @Test
    void an_identity_mapping_reads_each_column_from_the_header_of_its_own_name_in_order() {
        Mapping mapping = Mapping.identity("csv", List.of("ticket_id", "created_at", "channel"));

        assertThat(mapping.columns()).containsExactly(
                entry("ticket_id", List.of("ticket_id")),
                entry("created_at", List.of("created_at")),
                entry("channel", List.of("channel")));
        assertThat(mapping.source()).isEqualTo("csv");
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.delimiter()).isEqualTo(',');
        assertThat(mapping.encoding()).isEqualTo("UTF-8");
        assertThat(mapping.provides("channel")).isTrue();
        assertThat(mapping.provides("team")).isFalse();
    }

    @Test
    void an_identity_mapping_nulls_empty_cells_and_changes_no_value() {
        Mapping mapping = Mapping.identity(null, List.of("channel"));

        assertThat(mapping.cell("channel", "  ")).isNull();
        assertThat(mapping.cell("channel", " Email ")).isEqualTo("Email");
        assertThat(mapping.cell("channel", "NULL")).isEqualTo("NULL");
        assertThat(mapping.timezoneId()).isEmpty();
        assertThat(mapping.source()).isNull();
    }
}
