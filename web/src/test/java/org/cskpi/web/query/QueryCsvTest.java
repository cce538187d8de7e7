package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryCsvTest {

    @Test
    void quotes_where_needed_defuses_formulas_in_text_and_leaves_numbers_and_nulls() {
        QueryResult result = new QueryResult(List.of("n", "text"), List.of(true, false), List.of(
                List.of("-5", "plain"),
                Arrays.asList(null, "say \"hi\", then go"),
                List.of("1.5", "line\nbreak"),
                List.of("2", "=HYPERLINK(\"x\")"),
                List.of("3", "@sum")), false, 1);
        assertThat(QueryCsv.write(result)).isEqualTo("n,text\r\n"
                + "-5,plain\r\n"
                + ",\"say \"\"hi\"\", then go\"\r\n"
                + "1.5,\"line\nbreak\"\r\n"
                + "2,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
                + "3,'@sum\r\n");
    }
}
