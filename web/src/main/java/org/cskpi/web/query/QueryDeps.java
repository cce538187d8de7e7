package org.cskpi.web.query;

import java.time.Clock;
import org.cskpi.web.auth.SessionAuth;
import org.jooq.DSLContext;

/**
 * What the query page needs: sign-in (analyst role), the SQL service's client, and the store
 * with the clock for the analysts' saved queries and history.
 */
public record QueryDeps(SessionAuth auth, SqlService queries, DSLContext dsl, Clock clock) {
}
