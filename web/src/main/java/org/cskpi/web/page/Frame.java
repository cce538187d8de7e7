package org.cskpi.web.page;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.User;

/**
 * What the frame of a staff page shows: the title and, for a signed-in {@code user}, the
 * navigation their role opens and the logout form, which carries {@code csrf} (as do the page's
 * own forms).
 */
public record Frame(String title, Optional<User> user, String csrf) {

    /** The signed-in user as the frame shows them. */
    public record Viewer(String username, String role, boolean analyst, boolean admin) {

        static Viewer of(User user) {
            return new Viewer(user.username(), user.role().dbName(), user.role().includes(Role.ANALYST),
                    user.role().includes(Role.ADMIN));
        }
    }

    /** A page for nobody in particular (the error pages): no navigation, no token. */
    public static Frame anonymous(String title) {
        return new Frame(title, Optional.empty(), "");
    }

    /** The frame's variables; {@code viewer} is null when nobody is signed in. */
    Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", "en");
        model.put("title", title);
        model.put("csrf", csrf);
        model.put("viewer", user.map(Viewer::of).orElse(null));
        return model;
    }
}
