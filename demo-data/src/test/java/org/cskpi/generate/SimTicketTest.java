package org.cskpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cskpi.generate.SimEvent.Kind;
import org.junit.jupiter.api.Test;

/** The canonical facts derived from hand-built event lists (docs/architecture.md#canonical-model). */
class SimTicketTest {

    private static final long T0 = 1_793_000_000L;
    private static final long AGENT = 361_000_000_001L;
    private static final long CUSTOMER = 372_000_000_001L;

    @Test
    void a_reopened_and_solved_again_ticket_keeps_its_first_resolution() {
        SimTicket.Facts f = SimTicket.derive(List.of(
                new SimEvent(T0, Kind.CREATED, CUSTOMER, null, "new"),
                new SimEvent(T0 + 60, Kind.ASSIGNED, -1, "new", "open"),
                new SimEvent(T0 + 300, Kind.AGENT_NOTE, AGENT, null, null),
                new SimEvent(T0 + 600, Kind.AGENT_REPLY, AGENT, "open", "solved"),
                new SimEvent(T0 + 86_400, Kind.CUSTOMER_REPLY, CUSTOMER, "solved", "open"),
                new SimEvent(T0 + 90_000, Kind.AGENT_REPLY, AGENT, "open", "solved"),
                new SimEvent(T0 + 90_000 + 345_600, Kind.STATUS_CHANGE, -1, "solved", "closed")));
        // the private note at +300 is not a response; the first public agent reply is at +600
        assertThat(f.firstResponseAt()).isEqualTo(T0 + 600);
        assertThat(f.resolvedAt()).isEqualTo(T0 + 600);
        assertThat(f.finalResolvedAt()).isEqualTo(T0 + 90_000);
        assertThat(f.closedAt()).isEqualTo(T0 + 435_600);
        assertThat(f.reopens()).isEqualTo(1);
        assertThat(f.agentReplies()).isEqualTo(2);
        assertThat(f.customerMessages()).isEqualTo(2);
        assertThat(f.zendeskStatus()).isEqualTo("closed");
        assertThat(f.updatedAt()).isEqualTo(T0 + 435_600);
    }

    @Test
    void a_reopened_ticket_that_is_open_again_has_no_final_resolution() {
        SimTicket.Facts f = SimTicket.derive(List.of(
                new SimEvent(T0, Kind.CREATED, CUSTOMER, null, "new"),
                new SimEvent(T0 + 5, Kind.STATUS_CHANGE, AGENT, "new", "solved"),
                new SimEvent(T0 + 100, Kind.CUSTOMER_REPLY, CUSTOMER, "solved", "open")));
        // solved without any reply: resolved but unanswered
        assertThat(f.firstResponseAt()).isEqualTo(SimTicket.NONE);
        assertThat(f.resolvedAt()).isEqualTo(T0 + 5);
        assertThat(f.finalResolvedAt()).isEqualTo(SimTicket.NONE);
        assertThat(f.reopens()).isEqualTo(1);
        assertThat(f.agentReplies()).isZero();
        assertThat(f.zendeskStatus()).isEqualTo("open");
    }

    @Test
    void closing_a_solved_ticket_is_not_a_reopen() {
        SimTicket.Facts f = SimTicket.derive(List.of(
                new SimEvent(T0, Kind.CREATED, CUSTOMER, null, "new"),
                new SimEvent(T0 + 10, Kind.AGENT_REPLY, AGENT, "new", "solved"),
                new SimEvent(T0 + 20, Kind.STATUS_CHANGE, -1, "solved", "closed")));
        assertThat(f.reopens()).isZero();
        assertThat(f.finalResolvedAt()).isEqualTo(T0 + 10);
    }
}
