package org.cskpi.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;

/**
 * Everything the web app needs, built once by {@code ServeCommand} (or a test) and handed to
 * {@link WebApp#create}. Controllers take what they need from here in their constructors.
 *
 * @param metrics the app's one metrics registry; {@code GET /metrics} renders it
 */
public record WebDeps(CskpiConfig config, Store store, Clock clock, PrometheusMeterRegistry metrics) {

    /** Dependencies with a fresh metrics registry. */
    public static WebDeps of(CskpiConfig config, Store store, Clock clock) {
        return new WebDeps(config, store, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
}
