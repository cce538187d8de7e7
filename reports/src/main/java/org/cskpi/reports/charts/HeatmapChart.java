package org.cskpi.reports.charts;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cskpi.config.BusinessHours;
import org.cskpi.reports.data.HourCell;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.heatmap.HeatmapSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.visualMap.ContinousVisualMap;

/**
 * Weekday x hour heatmap of tickets created (docs/kpis.md#busiest-hours), business zone. Cells
 * inside business hours get a dark outline. All 168 cells are drawn; cells the store does not
 * hold (it keeps non-zero cells only) are 0.
 */
public final class HeatmapChart {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private HeatmapChart() {
    }

    public static ChartSpec busiestHours(String id, String title, List<HourCell> cells, BusinessHours hours) {
        long[][] grid = new long[7][24];
        for (HourCell cell : cells) {
            grid[cell.weekday() - 1][cell.hour()] = cell.tickets();
        }
        long max = 1;
        List<Object> data = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                long tickets = grid[day][hour];
                max = Math.max(max, tickets);
                boolean business = isBusinessHour(hours, DayOfWeek.of(day + 1), hour);
                Tips.Item cell = new Tips.Item(new Object[] {hour, day, tickets}, tip(day, hour, tickets));
                data.add(business ? cell.itemStyle(new ItemStyle().setBorderColor("#1f2328").setBorderWidth(1.5)) : cell);
                rows.add(List.of(day + 1, DAYS[day], hour, tickets, business));
            }
        }
        String[] hourLabels = new String[24];
        for (int h = 0; h < 24; h++) {
            hourLabels[h] = String.format("%02d", h);
        }
        Option option = new Option()
                .setAnimation(false)
                .setTooltip(Tips.tooltip("item", Tips.ITEMS))
                .setGrid(new Grid().setLeft(8).setRight(8).setTop(8).setBottom(56).setContainLabel(true))
                .setXAxis(new CategoryAxis().setType("category").setData(hourLabels))
                .setYAxis(new CategoryAxis().setType("category").setData(DAYS).setInverse(true))
                .setVisualMap(new ContinousVisualMap().setType("continuous").setMin(0).setMax(max)
                        .setCalculable(true).setOrient("horizontal").setLeft("center").setBottom(0)
                        .setItemHeight(120).setColor(new String[] {"#0a3069", "#54aeff", "#f6f8fa"}))
                .setSeries(new HeatmapSeries().setType("heatmap").setName("tickets")
                        .setData(data.toArray(Object[]::new)));
        return new ChartSpec(id, title, "Tickets created per weekday and hour (business time zone); "
                + "outlined cells are business hours.", option,
                new DataTable(List.of("weekday", "day", "hour", "tickets", "is_business_hour"), rows));
    }

    /** "Tue 11:00–12:00 · 20 tickets". */
    static String tip(int day, int hour, long tickets) {
        return String.format(Locale.ROOT, "%s %02d:00\u2013%02d:00 \u00b7 %d %s", DAYS[day], hour, hour + 1, tickets,
                tickets == 1 ? "ticket" : "tickets");
    }

    /** An hour cell is business time when [hour, hour+1) overlaps the day's open interval. */
    static boolean isBusinessHour(BusinessHours hours, DayOfWeek day, int hour) {
        BusinessHours.Interval open = hours.week().get(day);
        if (open == null) {
            return false;
        }
        LocalTime cellStart = LocalTime.of(hour, 0);
        boolean startsBeforeClose = cellStart.isBefore(open.end());
        boolean endsAfterOpen = hour == 23 || LocalTime.of(hour + 1, 0).isAfter(open.start());
        return startsBeforeClose && endsAfterOpen;
    }
}
