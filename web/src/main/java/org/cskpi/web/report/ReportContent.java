package org.cskpi.web.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.store.kpi.Breakdown;
import org.jooq.DSLContext;

/**
 * Builds a week's page content (picker + report) from the store: what {@link ReportCache} keeps
 * and {@link ReportWarmer} prepares. No HTTP here, so requests and the warmer share it.
 */
final class ReportContent {

    private final DSLContext dsl;
    private final CskpiConfig config;
    private final ReportChoices choices;
    private final ReportPage page;

    ReportContent(DSLContext dsl, CskpiConfig config, ReportChoices choices, ReportPage page) {
        this.dsl = dsl;
        this.config = config;
        this.choices = choices;
        this.page = page;
    }

    String render(IsoWeek week, Filters filters) {
        WeeklyReport report = ReportBuilder.build(dsl, config, week, filters);
        ReportPage.Choices picker = new ReportPage.Choices(newestFirst(report), choices.incompleteWeeks(),
                choices.values(Breakdown.CHANNEL),
                choices.values(Breakdown.TEAM));
        return page.content(report, picker);
    }

    /** The report already read every week of the store (oldest first); the picker lists them newest first. */
    private static List<IsoWeek> newestFirst(WeeklyReport report) {
        List<IsoWeek> weeks = new ArrayList<>(report.weeks());
        Collections.reverse(weeks);
        return weeks;
    }
}
