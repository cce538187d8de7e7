package org.cskpi.reports;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.config.TicketUrl;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.data.DataAsOf;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.NpsAnswer;
import org.cskpi.reports.narrative.Narrative;
import org.cskpi.reports.tables.BreakdownTable;
import org.cskpi.reports.tiles.Tile;

/**
 * Everything the weekly report shows, independent of how it is rendered (HTML file, web page,
 * JSON, CSV).
 *
 * @param incomplete the week ends after the cut-off: its values are partial (docs/kpis.md#incomplete-weeks)
 * @param zone       the business time zone (weeks, hours and answer times are in it)
 * @param weeks      every week the store has, oldest first (for a week picker)
 * @param comments   detractor answers of the week with a comment, newest first
 * @param changes    the week-on-week changes the sentences are chosen from, largest first (also the
 *                   ones too small to tell), for a mail subject
 * @param asOf       the run the week's figures come from, when the store knows it
 * @param ticketUrl  where detractor comments' ticket ids link ({@code report.ticket_url})
 */
public record WeeklyReport(String brand, ZoneId zone, IsoWeek week, Filters filters, boolean incomplete, List<Tile> tiles,
                           List<String> sentences, List<ChartSpec> charts, BreakdownTable teams,
                           BreakdownTable agents, List<NpsAnswer> comments, List<IsoWeek> weeks,
                           List<Narrative.Change> changes, Optional<DataAsOf> asOf, TicketUrl ticketUrl) {
}
