package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SingleStatementTest {

    static Stream<Arguments> single() {
        return Stream.of(
                Arguments.of("SELECT 1", "SELECT 1"),
                Arguments.of("SELECT 1;", "SELECT 1"),
                Arguments.of("  SELECT 1 ;  ;\n", "SELECT 1"),
                Arguments.of("SELECT ';' AS s", "SELECT ';' AS s"),
                Arguments.of("SELECT 'it''s;' AS s;", "SELECT 'it''s;' AS s"),
                Arguments.of("SELECT 1 AS \"a;b\"", "SELECT 1 AS \"a;b\""),
                Arguments.of("SELECT 1 -- trailing; comment", "SELECT 1 -- trailing; comment"),
                Arguments.of("SELECT 1; -- done", "SELECT 1"),
                Arguments.of("SELECT 1; // done", "SELECT 1"),
                Arguments.of("SELECT /* ; */ 1", "SELECT /* ; */ 1"),
                Arguments.of("SELECT $$a;b$$", "SELECT $$a;b$$"));
    }

    @ParameterizedTest
    @MethodSource("single")
    void one_statement_passes_without_its_trailing_semicolons(String sql, String expected) {
        assertThat(SingleStatement.of(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1; SELECT 2",
            "SELECT 1;DELETE FROM kpi_weekly",
            "SELECT ';'; DROP TABLE x",
            "SELECT 1 /* ; */; DROP TABLE x",
            "SELECT 1; -- c\nDROP TABLE x",
            "SELECT 1;; DROP TABLE x",
            "SELECT \"x;\"; DROP TABLE x"})
    void a_batch_is_refused(String sql) {
        assertThatThrownBy(() -> SingleStatement.of(sql)).isInstanceOf(QueryRefused.class)
                .hasMessageContaining("Only one statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ";", "SELECT 'open", "SELECT /* open", "SELECT $$ open"})
    void empty_or_unterminated_text_is_refused(String sql) {
        assertThatThrownBy(() -> SingleStatement.of(sql)).isInstanceOf(QueryRefused.class);
    }

    @Test
    void parentheses_nested_deeper_than_the_limit_are_refused_but_not_in_strings_or_comments() {
        int max = SingleStatement.MAX_NESTING;
        String deepest = "SELECT " + "(".repeat(max) + "1" + ")".repeat(max);
        assertThat(SingleStatement.of(deepest)).isEqualTo(deepest);
        assertThatThrownBy(() -> SingleStatement.of("SELECT " + "(".repeat(max + 1) + "1" + ")".repeat(max + 1)))
                .isInstanceOf(QueryRefused.class).hasMessageContaining("nested too deeply");
        String side = "SELECT " + "(1) + ".repeat(max + 1) + "1";
        assertThat(SingleStatement.of(side)).as("side by side, not nested").isEqualTo(side);
        String quoted = "SELECT '" + "(".repeat(max + 1) + "' /* " + "(".repeat(max + 1) + " */";
        assertThat(SingleStatement.of(quoted)).isEqualTo(quoted);
    }
}
