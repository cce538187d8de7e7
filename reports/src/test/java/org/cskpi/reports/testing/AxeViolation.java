package org.cskpi.reports.testing;

import java.util.List;
import java.util.stream.Collectors;

/** One axe-core rule a page breaks: its id, impact, help text and the elements that break it. */
public record AxeViolation(String rule, String impact, String help, String helpUrl, List<String> targets) {

    public boolean seriousOrWorse() {
        return impact.equals("serious") || impact.equals("critical");
    }

    @Override
    public String toString() {
        return rule + " [" + impact + "] " + help + " (" + helpUrl + ")\n      at " + String.join("\n      at ", targets);
    }

    static String describe(List<AxeViolation> violations) {
        return violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
    }
}
