package org.cskpi.reports.data;

/**
 * One row of {@code top_complaints}. {@code changeVsPrevious} is null when the previous week had
 * no ticket in the category; {@code repeatContactRate} is null when unknown.
 */
public record Complaint(String category, long tickets, double share, Double changeVsPrevious,
                        Double repeatContactRate) {
}
