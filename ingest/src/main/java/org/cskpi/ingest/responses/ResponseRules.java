package org.cskpi.ingest.responses;

import java.time.ZoneId;
import java.util.Optional;
import org.cskpi.ingest.mapping.Mapping;
import org.cskpi.ingest.validate.TimestampParser;

/** Settings the response rules need: the default zone for offset-less times and the customer key. */
public record ResponseRules(ZoneId defaultZone, Optional<String> customerKey) {

    ResponseValidator validator(Mapping mapping) {
        ZoneId zone = mapping.timezoneId().map(ZoneId::of).orElse(defaultZone);
        return new ResponseValidator(new TimestampParser(zone, mapping.timestampFormats()), customerKey.orElse(null));
    }
}
