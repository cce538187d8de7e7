package org.cskpi.web.report;

import java.time.Clock;
import org.cskpi.config.CskpiConfig;
import org.cskpi.web.auth.SessionAuth;
import org.jooq.DSLContext;

/**
 * What the report pages need: the sign-in guard, the KPI store, the config (zone, targets, brand)
 * and the clock (which weeks can still get survey answers, see {@link StoreVersion}).
 */
public record ReportDeps(SessionAuth auth, DSLContext dsl, CskpiConfig config, Clock clock) {
}
