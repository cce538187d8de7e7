package org.cskpi.batch.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SQL service's local master: spare task slots, so a short query never waits for a free one. */
class SpareSlotsTest {

    @Test
    void a_local_master_gets_four_slots_per_core() {
        assertThat(SqlServer.withSpareSlots("local[*]", 2)).isEqualTo("local[8]");
        assertThat(SqlServer.withSpareSlots("local[3]", 2)).isEqualTo("local[12]");
        assertThat(SqlServer.withSpareSlots("local", 2)).isEqualTo("local[4]");
    }

    @Test
    void any_other_master_is_left_as_configured() {
        assertThat(SqlServer.withSpareSlots("spark://10.0.0.5:7077", 2)).isEqualTo("spark://10.0.0.5:7077");
        assertThat(SqlServer.withSpareSlots("local[2,3]", 2)).isEqualTo("local[2,3]");
    }
}
