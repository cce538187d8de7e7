package org.cskpi.web.query;

import java.time.Instant;
import java.util.UUID;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.cskpi.web.MutableClock;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.testing.TestApp;

/** A freshly migrated in-memory store with two analysts, ann and bob, and a clock the test moves. */
final class TwoAnalysts implements AutoCloseable {

    final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    final UserService users = new UserService(store.dsl(), TestApp.FAST_HASHER, clock);
    final long ann = users.add("ann", Role.ANALYST, "ann-password").id();
    final long bob = users.add("bob", Role.ANALYST, "bob-password").id();

    @Override
    public void close() {
        store.close();
    }
}
