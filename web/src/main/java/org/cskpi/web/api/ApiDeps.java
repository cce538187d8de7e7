package org.cskpi.web.api;

import org.cskpi.web.auth.SessionAuth;

/** What the JSON API needs: the KPI reader, the API key and sign-in (for browser use). */
public record ApiDeps(KpiQueries kpis, ApiKey apiKey, SessionAuth auth) {
}
