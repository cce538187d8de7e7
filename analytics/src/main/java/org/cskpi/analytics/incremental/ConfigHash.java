package org.cskpi.analytics.incremental;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cskpi.config.CskpiConfig;

/**
 * The SHA-256 of everything in the configuration that a published KPI depends on
 * (docs/kpis.md#incremental-runs): business time zone, hours and holidays, FRT targets and the
 * repeat-contact window, plus {@link #KPI_DEFINITIONS}. A run whose hash differs from the last
 * run's recomputes every week.
 */
public final class ConfigHash {

    /**
     * Bump whenever a change to the analytics code changes any published value, so that the
     * first run of the new version recomputes every week instead of mixing old and new weeks.
     */
    static final int KPI_DEFINITIONS = 1;

    private ConfigHash() {
    }

    public static String of(CskpiConfig config) {
        return sha256(canonical(config));
    }

    /** One line per setting, in a fixed order: maps and sets sorted. */
    static String canonical(CskpiConfig config) {
        var business = config.business();
        String hours = new TreeMap<>(business.week()).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(","));
        String holidays = new TreeSet<>(business.holidays()).stream().map(Object::toString)
                .collect(Collectors.joining(","));
        String targets = new TreeMap<>(config.frtTargetSeconds()).entrySet().stream()
                .map(Map.Entry::toString).collect(Collectors.joining(","));
        return "kpi_definitions=" + KPI_DEFINITIONS + "\n"
                + "business.timezone=" + business.zone().getId() + "\n"
                + "business.hours=" + hours + "\n"
                + "business.holidays=" + holidays + "\n"
                + "targets.frt_seconds=" + targets + "\n"
                + "repeat_contact.window_days=" + config.repeatContactWindowDays() + "\n";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
