package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartAxesTest {

    @Test
    void the_first_column_goes_along_x_and_the_first_other_numeric_column_up() {
        assertThat(ChartAxes.defaults(List.of(false, false, true, true))).contains(new ChartAxes(0, 2));
        assertThat(ChartAxes.defaults(List.of(true, true))).contains(new ChartAxes(0, 1));
    }

    @Test
    void a_lone_numeric_first_column_is_charted_against_itself() {
        assertThat(ChartAxes.defaults(List.of(true, false))).contains(new ChartAxes(0, 0));
    }

    @Test
    void a_result_without_numbers_has_no_chart() {
        assertThat(ChartAxes.defaults(List.of(false, false))).isEmpty();
        assertThat(ChartAxes.defaults(List.of())).isEmpty();
    }
}
