package org.cskpi.analytics.facts;

import java.time.Instant;
import java.util.Map;
import org.cskpi.config.BusinessClock;
import org.cskpi.config.CskpiConfig;

/**
 * What the ticket facts depend on besides the tickets: the business clock (zone, hours,
 * holidays), FRT targets per channel in seconds, the repeat-contact window and the cut-off.
 */
public record FactSettings(BusinessClock clock, Map<String, Long> frtTargetSeconds, int repeatWindowDays,
                           Instant cutOff) {

    public static FactSettings of(CskpiConfig config, Instant cutOff) {
        return new FactSettings(BusinessClock.of(config.business()), config.frtTargetSeconds(),
                config.repeatContactWindowDays(), cutOff);
    }
}
