package org.cskpi.web.query;

import java.util.List;
import java.util.Optional;

/**
 * The columns the result's chart starts with: the first column along x, and up the first numeric
 * column other than it (the first column itself when it is the only number). A result without a
 * numeric column has no chart.
 */
public record ChartAxes(int x, int y) {

    static Optional<ChartAxes> defaults(List<Boolean> numeric) {
        for (int i = 1; i < numeric.size(); i++) {
            if (numeric.get(i)) {
                return Optional.of(new ChartAxes(0, i));
            }
        }
        return !numeric.isEmpty() && numeric.get(0) ? Optional.of(new ChartAxes(0, 0)) : Optional.empty();
    }
}
