package org.cskpi.web;

import io.javalin.config.JavalinConfig;

/**
 * One feature of the web app (survey, invitation API, reports, query page, ...): it registers
 * its routes, and may hook the server's lifecycle (start/stop a worker) through
 * {@code config.events}. {@link WebApp#create} lists the features, one line each.
 */
public interface WebFeature {

    void register(JavalinConfig config);
}
