package org.cskpi.web.query;

import org.cskpi.web.auth.SessionAuth;

/** What the query page needs: sign-in (analyst role) and the SQL service's client. */
public record QueryDeps(SessionAuth auth, SqlService queries) {
}
