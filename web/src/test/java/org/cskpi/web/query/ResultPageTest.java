package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultPageTest {

    private static QueryResult numbers(int count) {
        List<List<String>> rows = IntStream.rangeClosed(1, count).mapToObj(i -> List.of(String.valueOf(i))).toList();
        return new QueryResult(List.of("n"), List.of(true), rows, false, 1);
    }

    @Test
    void the_second_of_three_pages_holds_rows_501_to_1000() {
        ResultPage page = ResultPage.of(numbers(1234), 2);
        assertThat(page).extracting(ResultPage::number, ResultPage::pages, ResultPage::from, ResultPage::to, ResultPage::total)
                .containsExactly(2, 3, 501, 1000, 1234);
        assertThat(page.rows()).hasSize(500);
        assertThat(page.rows().get(0)).containsExactly("501");
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void the_last_page_holds_what_is_left_and_has_no_next() {
        ResultPage page = ResultPage.of(numbers(1234), 3);
        assertThat(page.from()).isEqualTo(1001);
        assertThat(page.to()).isEqualTo(1234);
        assertThat(page.rows().get(233)).containsExactly("1234");
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void a_page_out_of_range_is_clamped_to_the_first_or_last() {
        assertThat(ResultPage.of(numbers(1234), 0).number()).isEqualTo(1);
        assertThat(ResultPage.of(numbers(1234), -7).from()).isEqualTo(1);
        assertThat(ResultPage.of(numbers(1234), 99).number()).isEqualTo(3);
        assertThat(ResultPage.of(numbers(500), 2)).extracting(ResultPage::number, ResultPage::pages, ResultPage::to)
                .containsExactly(1, 1, 500);
    }

    @Test
    void an_empty_result_is_one_page_of_rows_0_to_0() {
        ResultPage page = ResultPage.of(numbers(0), 1);
        assertThat(page).extracting(ResultPage::number, ResultPage::pages, ResultPage::from, ResultPage::to, ResultPage::total)
                .containsExactly(1, 1, 0, 0, 0);
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.hasNext()).isFalse();
    }
}
