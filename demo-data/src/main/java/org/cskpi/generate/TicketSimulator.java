package org.cskpi.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes ticket number {@code index} from its own random stream: channel, category, priority,
 * customer (new, or returning from the bounded {@link RecentCustomers} window), team and
 * agent, then its {@link Lifecycle}. Must be called in creation order (returning customers
 * are drawn from earlier tickets); it holds no per-ticket state beyond the fixed window.
 */
final class TicketSimulator {

    /** Share of tickets from a customer who wrote in the last 7 days about the same thing. */
    static final double REPEAT_SAME_CATEGORY = 0.11;
    /** Share of tickets from a customer who wrote in the last 14 days about anything. */
    static final double RETURNING_ANY_CATEGORY = 0.06;
    /** First ticket id; ids are consecutive. */
    static final long FIRST_TICKET_ID = 10_001;

    private static final double[] PRIORITY_WEIGHTS = {0.20, 0.60, 0.15, 0.05};
    private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};

    private final long seed;
    private final Customers customers;
    private final RecentCustomers recent = new RecentCustomers();
    private final Lifecycle lifecycle;
    private long customerCount;

    TicketSimulator(long seed, Lifecycle lifecycle) {
        this.seed = seed;
        this.customers = new Customers(seed);
        this.lifecycle = lifecycle;
    }

    void startHour(int hour) {
        recent.startHour(hour);
    }

    long customerCount() {
        return customerCount;
    }

    SimTicket next(long index, int hour, long createdAt, double load) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.TICKET, index);
        Channel channel = Channel.at(Seeds.pick(rng, Channel.WEIGHTS));
        Category category = drawCategory(rng);
        long customer = -1;
        double u = rng.nextDouble();
        if (u < REPEAT_SAME_CATEGORY + RETURNING_ANY_CATEGORY) {
            boolean isSameTopic = u < REPEAT_SAME_CATEGORY;
            int hoursBack = isSameTopic ? (int) Math.min(166, 30 * -Math.log(1 - rng.nextDouble()))
                    : rng.nextInt(RecentCustomers.HOURS_KEPT);
            RecentCustomers.Sample past = recent.draw(hour, hoursBack, rng);
            if (past != null && past.createdAt() < createdAt) {
                customer = past.customer();
                if (isSameTopic) {
                    category = past.category() < 0 ? null : Category.at(past.category());
                }
            }
        }
        boolean isNew = customer < 0;
        if (isNew) {
            customer = ++customerCount;
        }
        recent.remember(hour, new RecentCustomers.Sample(customer, category == null ? -1 : category.ordinal(),
                createdAt), rng);
        String priority = PRIORITIES[Seeds.pick(rng, PRIORITY_WEIGHTS)];
        Cast.Team team = Cast.teamFor(channel, category);
        Cast.Agent agent = Cast.agentIn(team, rng);
        String type = rng.nextDouble() < 0.1 ? null
                : category == Category.PRODUCT_QUESTION ? "question"
                : category == Category.ORDER_CHANGE ? "task" : "incident";
        Customers.Customer profile = customers.profile(customer);
        List<SimEvent> events = lifecycle.play(createdAt, channel, agent, profile.id(), load, rng);
        boolean isAssigned = events.stream().anyMatch(e -> e.kind() == SimEvent.Kind.ASSIGNED);
        long id = FIRST_TICKET_ID + index;
        return new SimTicket(id, profile, isNew, channel, category, priority, isAssigned ? agent : null,
                isAssigned ? team : null, type, Texts.subject(category, id), events, SimTicket.derive(events));
    }

    private static Category drawCategory(SplittableRandom rng) {
        if (rng.nextDouble() < Category.UNCATEGORISED_SHARE) {
            return null;
        }
        return Category.at(Seeds.pick(rng, Category.weights()));
    }
}
