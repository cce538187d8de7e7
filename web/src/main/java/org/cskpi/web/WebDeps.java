package org.cskpi.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import org.cskpi.web.auth.PasswordHasher;

/**
 * Everything the web app needs, built once by {@code ServeCommand} (or a test) and handed to
 * {@link WebApp#create}. Controllers take what they need from here in their constructors.
 *
 * @param metrics the app's one metrics registry; {@code GET /metrics} renders it
 * @param hasher  the password KDF for sign-in (tests pass cheap Argon2 settings)
 */
public record WebDeps(CskpiConfig config, Store store, Clock clock, PrometheusMeterRegistry metrics,
                      PasswordHasher hasher) {

    /** With the production password hasher. */
    public WebDeps(CskpiConfig config, Store store, Clock clock, PrometheusMeterRegistry metrics) {
        this(config, store, clock, metrics, PasswordHasher.DEFAULT);
    }

    /** Dependencies with a fresh metrics registry. */
    public static WebDeps of(CskpiConfig config, Store store, Clock clock) {
        return new WebDeps(config, store, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public WebDeps withHasher(PasswordHasher other) {
        return new WebDeps(config, store, clock, metrics, other);
    }
}
