package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AnalystSessionsTest {

    /** A stand-in session that knows whether it was closed. */
    static final class Fake implements AutoCloseable {
        final String analyst;
        boolean closed;

        Fake(String analyst) {
            this.analyst = analyst;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final AtomicLong now = new AtomicLong();
    final List<Fake> opened = new ArrayList<>();
    final AnalystSessions<Fake> sessions = new AnalystSessions<>(analyst -> {
        Fake fake = new Fake(analyst);
        opened.add(fake);
        return fake;
    }, Duration.ofMinutes(10), now::get);

    @Test
    void each_analyst_keeps_one_session_of_their_own() {
        Fake ann = sessions.of("ann");
        assertThat(sessions.of("ann")).isSameAs(ann);
        Fake bob = sessions.of("bob");
        assertThat(bob).isNotSameAs(ann);
        assertThat(bob.analyst).isEqualTo("bob");
        assertThat(opened).hasSize(2);
    }

    @Test
    void a_session_idle_for_longer_than_the_limit_is_closed_and_the_next_query_opens_a_new_one() {
        Fake ann = sessions.of("ann");
        now.addAndGet(Duration.ofMinutes(9).toNanos());
        Fake bob = sessions.of("bob");
        assertThat(ann.closed).as("9 minutes idle").isFalse();

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(sessions.of("bob")).isSameAs(bob);
        assertThat(ann.closed).as("11 minutes idle, closed on bob's query").isTrue();
        assertThat(bob.closed).as("used 2 minutes ago").isFalse();
        assertThat(sessions.size()).isEqualTo(1);

        Fake again = sessions.of("ann");
        assertThat(again).isNotSameAs(ann);
        assertThat(again.closed).isFalse();
    }

    @Test
    void a_discarded_session_is_closed_and_replaced_but_a_newer_one_is_kept() {
        Fake lost = sessions.of("ann");
        sessions.discard("ann", lost);
        assertThat(lost.closed).isTrue();
        Fake fresh = sessions.of("ann");
        assertThat(fresh).isNotSameAs(lost);

        // a second thread that also saw the old session fail must not drop the new one
        sessions.discard("ann", lost);
        assertThat(sessions.of("ann")).isSameAs(fresh);
        assertThat(fresh.closed).isFalse();
    }

    @Test
    void closing_closes_every_session() {
        Fake ann = sessions.of("ann");
        Fake bob = sessions.of("bob");
        sessions.close();
        assertThat(ann.closed).isTrue();
        assertThat(bob.closed).isTrue();
        assertThat(sessions.size()).isZero();
    }
}
