package org.cskpi.web.ops;

import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.cskpi.web.WebFeature;

/** {@code GET /metrics}: the app's registry in the Prometheus text format. */
public final class MetricsController implements WebFeature {

    private final PrometheusMeterRegistry metrics;

    public MetricsController(PrometheusMeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }
}
