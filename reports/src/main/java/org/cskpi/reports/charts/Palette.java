package org.cskpi.reports.charts;

import java.util.List;
import java.util.Map;

/** The report's colours: one per channel, and the good/bad/neutral and NPS group colours. */
public final class Palette {

    public static final String GOOD = "#1a7f37";
    public static final String BAD = "#cf222e";
    public static final String NEUTRAL = "#6e7781";
    public static final String PROMOTER = "#2da44e";
    public static final String PASSIVE = "#d4a72c";
    public static final String DETRACTOR = "#cf222e";

    private static final Map<String, String> CHANNELS = Map.of(
            "email", "#0969da", "chat", "#8250df", "phone", "#bc4c00",
            "social", "#bf3989", "web", "#1b7c83", "other", "#57606a");
    private static final List<String> SPARE = List.of("#4d2d00", "#0550ae", "#6639ba", "#116329");

    private Palette() {
    }

    /** A fixed colour per known channel, so a channel looks the same in every chart. */
    public static String channel(String channel, int index) {
        return CHANNELS.getOrDefault(channel, SPARE.get(Math.floorMod(index, SPARE.size())));
    }

    /** Colour of an NPS score 0-10: detractor 0-6, passive 7-8, promoter 9-10 (docs/kpis.md#nps-score-and-counts). */
    public static String npsScore(int score) {
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
