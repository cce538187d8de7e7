package org.cskpi.reports.data;

/** Tickets created in one (weekday, hour) cell; weekday 1 = Monday, hour 0-23, business zone. */
public record HourCell(int weekday, int hour, long tickets) {
}
