package org.cskpi.reports.charts;

import java.util.Locale;
import java.util.Optional;
import org.cskpi.reports.data.WeeklyKpi;
import org.icepear.echarts.components.tooltip.Tooltip;

/**
 * Tooltips whose text is written here, beside the data, and drawn by cskpi-report.js: each data
 * item carries its {@code tip}, and the option names one of the script's formatters. The script
 * builds the tooltip from DOM nodes with class names, because ECharts' own tooltip HTML carries
 * {@code style} attributes that the web app's {@code style-src 'self'} refuses.
 */
final class Tips {

    /** One line per hovered item. */
    static final String ITEMS = "cskpi:tips";
    /** The hovered week's axis label, then one line per series with a tip. */
    static final String WEEK = "cskpi:week-tips";

    private Tips() {
    }

    /**
     * A tooltip drawn by {@code formatter}, kept inside the chart ({@code confine}): ECharts adds an
     * arrow with inline style to unconfined item tooltips, and on a phone the tooltip must not
     * widen the page.
     */
    static Tooltip tooltip(String trigger, String formatter) {
        return new Tooltip().setTrigger(trigger).setFormatter(formatter).setConfine(true);
    }

    /** "NPS +11.5 ± 7.4 (n = 89)": the stored margin, not the band drawn (clamped at ±100). */
    static String nps(WeeklyKpi nps, Optional<Double> margin) {
        return "NPS " + signed(nps.value()) + margin.map(m -> String.format(Locale.ROOT, " \u00b1 %.1f", m)).orElse("")
                + " (n = " + nps.sampleSize() + ")";
    }

    /** One decimal with its sign: "+11.5", "-3.0", "0.0". */
    static String signed(double value) {
        String digits = String.format(Locale.ROOT, "%.1f", Math.abs(value));
        boolean zero = Double.parseDouble(digits) == 0;
        return (zero ? "" : value > 0 ? "+" : "-") + digits;
    }

    /**
     * A data item of any series type with its tooltip text; the wrapper's own item classes have
     * no common type to add the field to.
     */
    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // the fields are read by the wrapper's JSON serialiser
    static final class Item {
        private final Object value;
        private final String tip;
        private Object itemStyle;
        private Object label;

        Item(Object value, String tip) {
            this.value = value;
            this.tip = tip;
        }

        Item itemStyle(Object style) {
            this.itemStyle = style;
            return this;
        }

        Item label(Object label) {
            this.label = label;
            return this;
        }
    }
}
