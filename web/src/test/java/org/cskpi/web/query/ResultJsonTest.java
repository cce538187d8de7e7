package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    private static final String HOSTILE = "</script><script>alert(1)</script><!-- & \u2028";

    private final QueryResult result = new QueryResult(List.of("n", "</SCRIPT>"), List.of(true, false), List.of(
            List.of("1", HOSTILE),
            Arrays.asList(null, "a \"quoted\" \\ text")), true, 5);

    @Test
    void nothing_in_a_cell_or_a_column_name_can_close_the_script_block_or_open_a_comment() {
        String json = ResultJson.forScriptBlock(result);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
                .contains("\\u003c/script\\u003e").contains("\\u003c/SCRIPT\\u003e");
    }

    @Test
    void it_parses_back_to_the_same_columns_kinds_cells_nulls_and_truncation() throws Exception {
        JsonNode parsed = new ObjectMapper().readTree(ResultJson.forScriptBlock(result));
        assertThat(parsed.get("columns").get(1).asText()).isEqualTo("</SCRIPT>");
        assertThat(parsed.get("numeric").get(0).asBoolean()).isTrue();
        assertThat(parsed.get("numeric").get(1).asBoolean()).isFalse();
        assertThat(parsed.get("rows").get(0).get(1).asText()).isEqualTo(HOSTILE);
        assertThat(parsed.get("rows").get(1).get(0).isNull()).isTrue();
        assertThat(parsed.get("rows").get(1).get(1).asText()).isEqualTo("a \"quoted\" \\ text");
        assertThat(parsed.get("truncated").asBoolean()).isTrue();
    }
}
