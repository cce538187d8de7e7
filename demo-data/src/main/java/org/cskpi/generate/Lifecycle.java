package org.cskpi.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cskpi.generate.SimEvent.Kind;

/**
 * Plays one ticket's life: first response after a delay that depends on the channel (chat
 * and phone in seconds to minutes, e-mail and web in hours), the hour's load and the agent,
 * and waits for the team's staffed hours; then back-and-forth replies, a solve, sometimes a
 * reopen, closing by automation four days after the solve. Some tickets are never answered
 * (half of them not even assigned), solved without a reply, or left open. Events after the cut-off are dropped: the export is a
 * snapshot at the cut-off, so recent tickets are naturally still open.
 */
final class Lifecycle {

    static final double UNANSWERED = 0.025;
    static final double SOLVED_WITHOUT_REPLY = 0.012;
    static final double STAYS_UNRESOLVED = 0.06;
    static final double REOPENED = 0.08;
    private static final long AUTO_CLOSE_SECONDS = 4 * 86_400L;

    private final Staffing staffing;
    private final long cutoff;

    Lifecycle(Staffing staffing, long cutoff) {
        this.staffing = staffing;
        this.cutoff = cutoff;
    }

    /** The ticket's events up to the cut-off, in time order; the first is its creation. */
    List<SimEvent> play(long created, Channel channel, Cast.Agent agent, long requester, double load,
                        SplittableRandom rng) {
        Timeline t = new Timeline(requester, agent.id());
        t.add(created, Kind.CREATED, requester, null, "new");
        double u = rng.nextDouble();
        if (u < SOLVED_WITHOUT_REPLY) {
            solveWithoutReply(t, created, channel, rng);
        } else if (u < SOLVED_WITHOUT_REPLY + UNANSWERED) {
            leaveUnanswered(t, created, channel, rng);
        } else {
            converse(t, created, channel, agent, load, rng);
        }
        return t.until(cutoff);
    }

    /** Duplicates and spam: solved by an agent without any public reply. */
    private void solveWithoutReply(Timeline t, long created, Channel channel, SplittableRandom rng) {
        long solved = agentTime(created, Seeds.logNormal(rng, 7_200, 1.0), channel, rng);
        t.add(solved, Kind.ASSIGNED, -1, "new", "open");
        t.add(solved + 5, Kind.STATUS_CHANGE, t.agent, "open", "solved");
        t.add(solved + AUTO_CLOSE_SECONDS, Kind.STATUS_CHANGE, -1, "solved", "closed");
    }

    /** Never answered: half are not even assigned; some customers write again a day later. */
    private void leaveUnanswered(Timeline t, long created, Channel channel, SplittableRandom rng) {
        if (rng.nextDouble() < 0.5) {
            t.add(agentTime(created, Seeds.logNormal(rng, 1_800, 1.0), channel, rng), Kind.ASSIGNED, -1, "new", "open");
        }
        if (rng.nextDouble() < 0.4) {
            t.add(created + (long) Seeds.logNormal(rng, 86_400, 0.6), Kind.CUSTOMER_REPLY, t.requester, null, null);
        }
    }

    /** Assignment, first response, back-and-forth until solved (or left pending/open), reopens, close. */
    private void converse(Timeline t, long created, Channel channel, Cast.Agent agent, double load,
                          SplittableRandom rng) {
        long first = agentTime(created, firstResponseSeconds(channel, load, agent.speed(), rng), channel, rng);
        t.add(created + Math.max(1, (long) ((first - created) * (0.05 + 0.4 * rng.nextDouble()))), Kind.ASSIGNED,
                -1, "new", "open");
        if (rng.nextDouble() < 0.15) {
            t.add(first - 1 - rng.nextInt(30), Kind.AGENT_NOTE, t.agent, null, null);
        }
        int replies = replyCount(channel, rng);
        boolean resolves = rng.nextDouble() >= STAYS_UNRESOLVED;
        long now = first;
        String status = "open";
        for (int j = 1; j <= replies; j++) {
            if (j > 1) {
                now += (long) waitSeconds(channel, false, rng);
                t.add(now, Kind.CUSTOMER_REPLY, t.requester, status, "open");
                status = "open";
                now = agentTime(now, waitSeconds(channel, true, rng) / agent.speed(), channel, rng);
            }
            String next = j == replies && resolves ? "solved" : rng.nextDouble() < 0.03 ? "hold" : "pending";
            t.add(now, Kind.AGENT_REPLY, t.agent, status, next);
            status = next;
        }
        if (resolves) {
            reopenAndClose(t, now, channel, agent, rng);
        } else if (rng.nextDouble() < 0.5) {
            t.add(now + (long) waitSeconds(channel, false, rng), Kind.CUSTOMER_REPLY, t.requester, status, "open");
        }
    }

    private void reopenAndClose(Timeline t, long solvedAt, Channel channel, Cast.Agent agent, SplittableRandom rng) {
        long now = solvedAt;
        double reopenChance = REOPENED;
        while (rng.nextDouble() < reopenChance) {
            now += (long) Seeds.logNormal(rng, 1.5 * 86_400, 0.7);
            t.add(now, Kind.CUSTOMER_REPLY, t.requester, "solved", "open");
            now = agentTime(now, waitSeconds(channel, true, rng) / agent.speed(), channel, rng);
            t.add(now, Kind.AGENT_REPLY, t.agent, "open", "solved");
            reopenChance = 0.15;
        }
        t.add(now + AUTO_CLOSE_SECONDS, Kind.STATUS_CHANGE, -1, "solved", "closed");
    }

    /**
     * First response delay before staffing: median chat 40 s, phone 15 s, social 25 min,
     * e-mail and web 2 h, times the hour's load to the power 1.5, divided by agent speed.
     */
    static double firstResponseSeconds(Channel channel, double load, double speed, SplittableRandom rng) {
        double median = switch (channel) {
            case CHAT -> 40;
            case PHONE -> 15;
            case TWITTER, FACEBOOK -> 1_500;
            case EMAIL, WEB -> 7_200;
        };
        double sigma = channel.isLive() ? 0.8 : 1.1;
        double loadFactor = Math.pow(Math.max(0.3, Math.min(2.5, load)), 1.5);
        return Math.max(1, Seeds.logNormal(rng, median, sigma) * loadFactor / speed);
    }

    /** Later waits: the agent's (answering a customer) or the customer's (answering an agent). */
    static double waitSeconds(Channel channel, boolean isAgent, SplittableRandom rng) {
        double median = switch (channel) {
            case CHAT -> isAgent ? 60 : 90;
            case PHONE -> isAgent ? 30 : 45;
            case TWITTER, FACEBOOK -> isAgent ? 1_800 : 3_600;
            case EMAIL, WEB -> isAgent ? 14_400 : 21_600;
        };
        return Math.max(1, Seeds.logNormal(rng, median, 1.0));
    }

    /** Public agent replies until solved: live channels mostly one, e-mail often several. */
    static int replyCount(Channel channel, SplittableRandom rng) {
        double[] weights = channel.isLive() ? new double[] {0.80, 0.15, 0.05}
                : new double[] {0.50, 0.28, 0.13, 0.06, 0.03};
        return 1 + Seeds.pick(rng, weights);
    }

    /** When an agent acts after {@code delay} from {@code from}: at once if staffed, else after the next opening. */
    private long agentTime(long from, double delay, Channel channel, SplittableRandom rng) {
        long at = from + Math.max(1, (long) delay);
        if (staffing.isStaffed(at)) {
            return at;
        }
        double backlog = Seeds.logNormal(rng, channel.isLive() ? 900 : 2_400, 0.8);
        return staffing.nextStaffed(at) + (long) backlog;
    }

    /** Events under construction; keeps them in time order. */
    private static final class Timeline {
        final long requester;
        final long agent;
        final List<SimEvent> events = new ArrayList<>();

        Timeline(long requester, long agent) {
            this.requester = requester;
            this.agent = agent;
        }

        void add(long at, Kind kind, long author, String from, String to) {
            long last = events.isEmpty() ? Long.MIN_VALUE : events.get(events.size() - 1).at();
            events.add(new SimEvent(Math.max(at, last + 1), kind, author, from, to));
        }

        List<SimEvent> until(long cutoff) {
            List<SimEvent> kept = new ArrayList<>(events.size());
            for (SimEvent e : events) {
                if (e.at() < cutoff) {
                    kept.add(e);
                }
            }
            return kept;
        }
    }
}
