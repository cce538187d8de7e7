package org.cskpi.web.auth;

import java.util.Locale;

/**
 * What a web user may do. Roles are ordered, each including the ones before it:
 * a manager reads reports, an analyst also runs /query, an admin also manages users.
 */
public enum Role {
    MANAGER, ANALYST, ADMIN;

    /** True when this role may do what {@code required} may do. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The name stored in {@code users.role} and typed on the command line. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.dbName().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; expected manager, analyst or admin");
    }
}
