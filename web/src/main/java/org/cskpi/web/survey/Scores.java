package org.cskpi.web.survey;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the survey takes as a score: exactly one value, and that value one of the ASCII strings
 * {@code 0} to {@code 10}. Integer parsing is not enough: it also takes {@code 09}, {@code +9},
 * full-width {@code ９} and Arabic-Indic {@code ٩}, none of which the form sends. A score sent
 * twice ({@code score=1&score=10}) is refused rather than one of the two picked.
 */
final class Scores {

    /** The scores in the order the form shows them. */
    static final List<Integer> ALL = IntStream.rangeClosed(0, 10).boxed().toList();
    private static final List<String> TEXTS = ALL.stream().map(String::valueOf).toList();

    private Scores() {
    }

    /** Whether the values sent for {@code score} are one score. */
    static boolean isSingle(List<String> sent) {
        return sent.size() == 1 && TEXTS.contains(sent.get(0));
    }

    /** The one score sent, or empty when {@link #isSingle} is false. */
    static Optional<Integer> single(List<String> sent) {
        return isSingle(sent) ? Optional.of(ALL.get(TEXTS.indexOf(sent.get(0)))) : Optional.empty();
    }
}
