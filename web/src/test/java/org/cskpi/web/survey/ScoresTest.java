package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoresTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 9, 10})
    void each_plain_score_is_taken(int score) {
        assertThat(Scores.single(List.of(Integer.toString(score)))).contains(score);
    }

    @ParameterizedTest
    @ValueSource(strings = {"09", "00", "+9", "-0", " 9", "9 ", "\uFF19", "\u0667", "\u0E59", "1\u0660", "11", "-1", "9.0", ""})
    void anything_else_that_parses_or_looks_like_a_score_is_refused(String sent) {
        assertThat(Scores.isSingle(List.of(sent))).isFalse();
        assertThat(Scores.single(List.of(sent))).isEmpty();
    }

    @Test
    void no_score_or_two_scores_are_not_one_score() {
        assertThat(Scores.single(List.of())).isEmpty();
        assertThat(Scores.single(List.of("1", "10"))).isEmpty();
        assertThat(Scores.single(List.of("7", "7"))).isEmpty();
    }
}
