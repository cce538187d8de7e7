package org.cskpi.sqlshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cskpi.cli.UserError;
import org.junit.jupiter.api.Test;

class SqlPromptTest {

    private final List<String> ran = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private boolean prompt(String input, boolean prompt) {
        SqlPrompt sqlPrompt = new SqlPrompt(statement -> {
            if (statement.contains("bad")) {
                throw new UserError("no such thing: bad");
            }
            ran.add(statement);
        }, new PrintStream(err, true, StandardCharsets.UTF_8), prompt);
        return sqlPrompt.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_statement_ends_at_a_line_ending_in_a_semicolon_and_may_span_lines() {
        assertThat(prompt("select 1;\nselect\n  2\n;\n", false)).isTrue();
        assertThat(ran).containsExactly("select 1", "select\n  2");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_semicolon_inside_a_line_does_not_end_the_statement() {
        prompt("select ';' as s, 1\nfrom t;\n", false);
        assertThat(ran).containsExactly("select ';' as s, 1\nfrom t");
    }

    @Test
    void the_last_statement_needs_no_semicolon_and_blank_ones_are_skipped() {
        assertThat(prompt(";\n\nselect 3", false)).isTrue();
        assertThat(ran).containsExactly("select 3");
    }

    @Test
    void a_failing_statement_is_reported_and_the_next_one_still_runs() {
        assertThat(prompt("select bad;\nselect 4;\n", false)).isFalse();
        assertThat(ran).containsExactly("select 4");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("cskpi: no such thing: bad\n");
    }

    @Test
    void the_prompt_asks_on_stderr_and_continues_an_open_statement() {
        prompt("select\n5;\n", true);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sql>   -> sql> ");
    }
}
