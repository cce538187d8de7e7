package org.cskpi.generate;

import java.util.SplittableRandom;

/**
 * A bounded memory of recent tickets for drawing returning customers: for each of the last
 * 14 days' hours, a uniform sample (reservoir) of up to {@value #PER_HOUR} tickets with their
 * customer, category and creation time. Memory is fixed whatever the ticket count, which is
 * what lets the generator stream ten million tickets.
 */
final class RecentCustomers {

    static final int HOURS_KEPT = 14 * 24;
    static final int PER_HOUR = 48;

    /** A remembered ticket; {@code category} is -1 for uncategorised. */
    record Sample(long customer, int category, long createdAt) {
    }

    private final long[] customers = new long[HOURS_KEPT * PER_HOUR];
    private final int[] categories = new int[HOURS_KEPT * PER_HOUR];
    private final long[] times = new long[HOURS_KEPT * PER_HOUR];
    private final int[] filled = new int[HOURS_KEPT];
    private final long[] seen = new long[HOURS_KEPT];
    private final int[] hourOfSlot = new int[HOURS_KEPT];

    RecentCustomers() {
        java.util.Arrays.fill(hourOfSlot, -1);
    }

    /** Forgets the slot that {@code hour} reuses; call once when an hour starts. */
    void startHour(int hour) {
        int slot = hour % HOURS_KEPT;
        hourOfSlot[slot] = hour;
        filled[slot] = 0;
        seen[slot] = 0;
    }

    /** A random remembered ticket created {@code hoursBack} hours before {@code hour}, if any. */
    Sample draw(int hour, int hoursBack, SplittableRandom rng) {
        int past = hour - hoursBack;
        if (hoursBack < 0 || hoursBack >= HOURS_KEPT || past < 0) {
            return null;
        }
        int slot = past % HOURS_KEPT;
        if (hourOfSlot[slot] != past || filled[slot] == 0) {
            return null;
        }
        int at = slot * PER_HOUR + rng.nextInt(filled[slot]);
        return new Sample(customers[at], categories[at], times[at]);
    }

    /** Offers a ticket of {@code hour} to that hour's reservoir. */
    void remember(int hour, Sample sample, SplittableRandom rng) {
        int slot = hour % HOURS_KEPT;
        long n = ++seen[slot];
        int index;
        if (filled[slot] < PER_HOUR) {
            index = filled[slot]++;
        } else {
            long pick = rng.nextLong(n);
            if (pick >= PER_HOUR) {
                return;
            }
            index = (int) pick;
        }
        int at = slot * PER_HOUR + index;
        customers[at] = sample.customer();
        categories[at] = sample.category();
        times[at] = sample.createdAt();
    }
}
