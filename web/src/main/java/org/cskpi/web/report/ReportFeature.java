package org.cskpi.web.report;

import io.javalin.config.JavalinConfig;
import org.cskpi.web.WebFeature;
import org.cskpi.web.auth.Role;
import org.cskpi.web.page.Pages;

/**
 * The managers' report pages. {@code /} is the latest complete week, {@code /reports/{week}} any
 * week, {@code /reports?week=...} the week picker's target, {@code /reports/{week}/charts/{id}.csv}
 * a chart's data; all need a manager. While the server
 * runs, {@link ReportWarmer} keeps the pages a manager opens first built ahead of requests. The
 * chart script, ECharts and the report's style sheet are among the app's
 * {@link org.cskpi.web.page.Assets}.
 */
public record ReportFeature(ReportDeps deps, Pages pages) implements WebFeature {

    @Override
    public void register(JavalinConfig config) {
        ReportChoices choices = new ReportChoices(deps.dsl(), deps.config().business().zone(),
                deps.config().survey().commentEditHours(), deps.clock());
        ReportPage page = new ReportPage(pages);
        ReportContent content = new ReportContent(deps.dsl(), deps.config(), choices, page);
        ReportCache cache = new ReportCache();
        ReportController reports = new ReportController(deps, choices, content, cache, page);
        ReportWarmer warmer = new ReportWarmer(choices, content, cache, ReportWarmer.PERIOD);
        config.events.serverStarted(warmer::start);
        config.events.serverStopping(warmer::stop);
        deps.auth().guard(config, "/", Role.MANAGER);
        deps.auth().guard(config, "/reports", Role.MANAGER);
        config.routes.get("/", reports::home);
        config.routes.get("/reports", reports::pick);
        config.routes.get("/reports/{week}", reports::show);
        config.routes.get("/reports/{week}/charts/{chart}", reports::chartCsv);
    }
}
