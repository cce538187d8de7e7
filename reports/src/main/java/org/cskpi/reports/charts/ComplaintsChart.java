package org.cskpi.reports.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cskpi.reports.data.Complaint;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarItemStyle;
import org.icepear.echarts.charts.bar.BarLabel;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;

/** Top complaint categories of the week with their change against the previous week. */
public final class ComplaintsChart {

    /** A rise or fall of more than this share is coloured; smaller changes stay grey. */
    static final double NOTABLE_CHANGE = 0.10;

    private ComplaintsChart() {
    }

    public static ChartSpec topComplaints(List<Complaint> complaints, int limit) {
        List<Complaint> top = complaints.subList(0, Math.min(limit, complaints.size()));
        String[] names = top.stream().map(Complaint::category).toArray(String[]::new);
        Object[] bars = new Object[top.size()];
        for (int i = 0; i < top.size(); i++) {
            Complaint c = top.get(i);
            bars[i] = new Tips.Item(c.tickets(), c.category() + " \u00b7 " + c.tickets()
                    + (c.tickets() == 1 ? " ticket, " : " tickets, ") + changeTip(c.changeVsPrevious()))
                    .itemStyle(new BarItemStyle().setColor(colour(c.changeVsPrevious())))
                    .label(new BarLabel().setShow(true).setPosition("right")
                            .setFormatter(c.tickets() + " (" + change(c.changeVsPrevious()) + ")"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Complaint c : complaints) {
            rows.add(List.of(c.category(), c.tickets(), c.share(), orEmpty(c.changeVsPrevious()),
                    orEmpty(c.repeatContactRate())));
        }
        Option option = new Option()
                .setAnimation(false)
                .setTooltip(Tips.tooltip("axis", Tips.ITEMS))
                .setGrid(new Grid().setLeft(8).setRight(96).setTop(8).setBottom(8).setContainLabel(true))
                .setXAxis(new ValueAxis().setType("value").setName("tickets"))
                .setYAxis(new CategoryAxis().setType("category").setData(names).setInverse(true))
                .setSeries(new BarSeries().setType("bar").setName("tickets").setData(bars));
        return new ChartSpec("top-complaints", "Top complaint categories",
                "Tickets per category this week; in brackets the change against the previous week "
                        + "(red: up more than 10%, green: down more than 10%).", option,
                new DataTable(List.of("category", "tickets", "share", "change_vs_previous", "repeat_contact_rate"),
                        rows));
    }

    /** "+25%", "-10%", "new" when the previous week had none (docs/kpis.md#top-complaints: change is null then). */
    static String change(Double change) {
        if (change == null) {
            return "new";
        }
        long percent = Math.round(change * 100);
        return (percent > 0 ? "+" : "") + String.format(Locale.ROOT, "%d%%", percent);
    }

    /** "+25% on the previous week", "new this week". */
    private static String changeTip(Double change) {
        return change == null ? "new this week" : change(change) + " on the previous week";
    }

    private static String colour(Double change) {
        if (change == null || change > NOTABLE_CHANGE) {
            return Palette.BAD;
        }
        return change < -NOTABLE_CHANGE ? Palette.GOOD : Palette.NEUTRAL;
    }

    private static Object orEmpty(Double value) {
        return value == null ? "" : value;
    }
}
