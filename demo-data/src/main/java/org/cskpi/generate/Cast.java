package org.cskpi.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The support organisation: three teams (Zendesk groups, Freshdesk groups) and nine agents.
 * Live channels go to the live team; payment and account questions to the payments team;
 * everything else to orders and delivery. Agents differ a little in speed.
 */
final class Cast {

    record Team(long id, String name) {
    }

    record Agent(long id, String name, String email, Team team, double speed) {
    }

    static final Team ORDERS = new Team(360_000_000_101L, "Orders & Delivery");
    static final Team PAYMENTS = new Team(360_000_000_102L, "Payments & Accounts");
    static final Team LIVE = new Team(360_000_000_103L, "Live Support");
    static final List<Team> TEAMS = List.of(ORDERS, PAYMENTS, LIVE);

    static final List<Agent> AGENTS = List.of(
            agent(1, "Ingrid Solberg", ORDERS, 0.9),
            agent(2, "Marius Haugen", ORDERS, 1.1),
            agent(3, "Linh Tran", ORDERS, 1.0),
            agent(4, "Petra Kovačić", ORDERS, 1.25),
            agent(5, "Tomas Vaitkus", PAYMENTS, 0.95),
            agent(6, "Åse Lindqvist", PAYMENTS, 1.15),
            agent(7, "Niran Chaiyaporn", LIVE, 0.85),
            agent(8, "Jonas Berg", LIVE, 1.0),
            agent(9, "Sofia Nguyen", LIVE, 1.2));

    /** The administrator who owns the account (a Zendesk {@code admin}; never assigned). */
    static final Agent ADMIN = new Agent(361_000_000_000L, "Kari Nordmann", "kari.nordmann@cskpi-demo.example",
            ORDERS, 1.0);

    private Cast() {
    }

    private static Agent agent(int n, String name, Team team, double speed) {
        String email = Names.asciiLocalPart(name) + "@cskpi-demo.example";
        return new Agent(361_000_000_000L + n, name, email, team, speed);
    }

    static Team teamFor(Channel channel, Category category) {
        if (channel.isLive()) {
            return LIVE;
        }
        if (category == Category.PAYMENT || category == Category.ACCOUNT) {
            return PAYMENTS;
        }
        return ORDERS;
    }

    private static final java.util.Map<Team, List<Agent>> MEMBERS = TEAMS.stream().collect(
            java.util.stream.Collectors.toMap(t -> t, t -> AGENTS.stream().filter(a -> a.team() == t).toList()));

    static Agent agentIn(Team team, SplittableRandom rng) {
        List<Agent> members = MEMBERS.get(team);
        return members.get(rng.nextInt(members.size()));
    }
}
