package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.cskpi.config.BusinessHours;
import org.cskpi.config.CskpiConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The business hours that bin/demo writes into the demo's cskpi.yaml are the hours the generator
 * staffs ({@link Staffing}). With Mon-Fri 09-17 against a team that also answers evenings and
 * weekends, most first responses had 0 business seconds and the business-hours tile read "0 s".
 */
class DemoBusinessHoursTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void the_demo_config_is_open_exactly_when_the_generator_staffs(@TempDir Path dir) throws Exception {
        BusinessHours hours = demoConfig(dir).business();
        Staffing staffing = new Staffing(OSLO);

        // every quarter hour of an ordinary week (no holiday), Monday 2026-11-16 to Sunday 2026-11-22
        for (int quarter = 0; quarter < 7 * 24 * 4; quarter++) {
            ZonedDateTime at = ZonedDateTime.of(LocalDate.of(2026, 11, 16), LocalTime.MIDNIGHT, OSLO)
                    .plusMinutes(15L * quarter);
            boolean open = hours.openOn(at.toLocalDate())
                    .map(i -> !at.toLocalTime().isBefore(i.start()) && at.toLocalTime().isBefore(i.end()))
                    .orElse(false);
            assertThat(open).as("open at %s", at).isEqualTo(staffing.isStaffed(at.toEpochSecond()));
        }
    }

    /** The config bin/demo writes, loaded as cskpi loads it (the business section of its YAML). */
    private static CskpiConfig demoConfig(Path dir) throws Exception {
        String script = Files.readString(Path.of("..", "bin", "demo"));
        int start = script.indexOf("\nbusiness:\n");
        String business = script.substring(start + 1, script.indexOf("\ningest:\n", start))
                .replace("$ZONE", OSLO.getId());
        Path yaml = dir.resolve("cskpi.yaml");
        Files.writeString(yaml, business + "\n");
        return CskpiConfig.load(Optional.of(yaml), dir);
    }
}
