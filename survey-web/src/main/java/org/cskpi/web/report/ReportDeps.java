package org.cskpi.web.report;

import org.cskpi.config.CskpiConfig;
import org.cskpi.web.auth.SessionAuth;
import org.jooq.DSLContext;

/** What the report pages need: the sign-in guard, the KPI store and the config (zone, targets, brand). */
public record ReportDeps(SessionAuth auth, DSLContext dsl, CskpiConfig config) {
}
