package org.cskpi.web.query;

import org.cskpi.web.auth.SessionAuth;

/** What the query page needs: sign-in (analyst role) and the read-only query service. */
public record QueryDeps(SessionAuth auth, QueryService queries) {
}
