package org.cskpi.reports.charts;

import org.icepear.echarts.Option;
import org.icepear.echarts.render.Engine;

/**
 * One chart of the report: a stable id (HTML element, CSV file name), a title, a caption that
 * says how to read it, the ECharts option and the data behind it.
 */
public record ChartSpec(String id, String title, String caption, Option option, DataTable data) {

    private static final Engine ENGINE = new Engine();

    /** The option as JSON, from the wrapper's {@code renderJsonOption} (not yet escaped for HTML). */
    public String optionJson() {
        return ENGINE.renderJsonOption(option);
    }
}
