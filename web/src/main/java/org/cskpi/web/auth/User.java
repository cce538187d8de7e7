package org.cskpi.web.auth;

import java.time.OffsetDateTime;

/** A web app user as the app sees it; the password hash never leaves {@link UserService}. */
public record User(long id, String username, Role role, OffsetDateTime createdAt) {
}
