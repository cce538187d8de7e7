package org.cskpi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @Test
    void migrating_a_new_file_store_creates_every_table_of_the_kpi_store(@TempDir Path dir) {
        try (Store store = Store.open("jdbc:h2:" + dir.resolve("cskpi"))) {
            assertThat(store.migrate()).isPositive();
            assertThat(store.migrate()).isZero();
            assertThat(store.dsl().meta().getTables()).extracting(t -> t.getName().toLowerCase())
                    .contains("kpi_weekly", "busiest_hours", "top_complaints", "survey_invitations",
                            "survey_responses", "users", "runs");
        }
    }

    @Test
    void file_store_url_carries_mixed_mode_immediate_writes_and_value_as_a_column_name() {
        String url = StoreSettings.withSettings("jdbc:h2:/tmp/x/cskpi");
        assertThat(url).contains(";AUTO_SERVER=TRUE").contains(";WRITE_DELAY=0").contains(";NON_KEYWORDS=VALUE,HOUR");
        assertThat(StoreSettings.withSettings("jdbc:h2:/tmp/x/cskpi;WRITE_DELAY=100"))
                .contains("WRITE_DELAY=100").doesNotContain("WRITE_DELAY=0");
        assertThatThrownBy(() -> StoreSettings.withSettings("jdbc:postgresql://x/y"))
                .hasMessageContaining("store.url");
    }

    @Test
    void a_second_process_style_connection_can_open_the_file_store_while_the_first_is_open(@TempDir Path dir) {
        String url = "jdbc:h2:" + dir.resolve("cskpi");
        try (Store batch = Store.openMigrated(url); Store web = Store.open(url)) {
            batch.dsl().insertInto(KPI_WEEKLY)
                    .set(KPI_WEEKLY.WEEK, "2026-W47").set(KPI_WEEKLY.BREAKDOWN, "all")
                    .set(KPI_WEEKLY.BREAKDOWN_VALUE, "all").set(KPI_WEEKLY.KPI, "volume")
                    .set(KPI_WEEKLY.VALUE, 12.0).set(KPI_WEEKLY.SAMPLE_SIZE, 12L)
                    .set(KPI_WEEKLY.SMALL_SAMPLE, true).set(KPI_WEEKLY.INCOMPLETE, false)
                    .execute();
            assertThat(web.dsl().fetchValue("select value from kpi_weekly where kpi = 'volume'")).isEqualTo(12.0);
        }
    }

    @Test
    void schema_rejects_a_breakdown_kpis_md_does_not_name() {
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            assertThatThrownBy(() -> store.dsl().insertInto(KPI_WEEKLY)
                    .set(KPI_WEEKLY.WEEK, "2026-W47").set(KPI_WEEKLY.BREAKDOWN, "country")
                    .set(KPI_WEEKLY.BREAKDOWN_VALUE, "NO").set(KPI_WEEKLY.KPI, "volume")
                    .set(KPI_WEEKLY.VALUE, 1.0).set(KPI_WEEKLY.SAMPLE_SIZE, 1L)
                    .set(KPI_WEEKLY.SMALL_SAMPLE, true).set(KPI_WEEKLY.INCOMPLETE, false)
                    .execute()).isInstanceOf(DataAccessException.class);
        }
    }

    @Test
    void run_log_records_start_and_outcome_with_counts() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
        try (Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()))) {
            RunLog runs = new RunLog(store.dsl(), clock);
            long id = runs.start("ingest");
            assertThat(store.dsl().fetchOne(RUNS, RUNS.ID.eq(id)).getStatus()).isEqualTo("running");
            runs.succeeded(id, new RunLog.Counts(10L, 8L, 2L), "8 accepted, 2 quarantined");
            var row = store.dsl().fetchOne(RUNS, RUNS.ID.eq(id));
            assertThat(row.getStatus()).isEqualTo("succeeded");
            assertThat(row.getRowsIn()).isEqualTo(10L);
            assertThat(row.getRowsOut()).isEqualTo(8L);
            assertThat(row.getRowsQuarantined()).isEqualTo(2L);
            assertThat(row.getFinishedAt().toInstant()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        }
    }

    @Test
    void the_store_server_listens_on_loopback_only(@TempDir Path dir) throws Exception {
        try (Store store = Store.openMigrated("jdbc:h2:" + dir.resolve("cskpi"))) {
            String server = lockFile(dir.resolve("cskpi.lock.db")).getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            InetAddress elsewhere = nonLoopbackAddress();

            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            assertThatThrownBy(() -> {
                try (Socket outside = new Socket()) {
                    outside.connect(new InetSocketAddress(elsewhere, port), 2_000);
                }
            }).as("connecting to %s:%d", elsewhere, port).isInstanceOf(IOException.class);
        }
    }

    private static Properties lockFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            for (InetAddress address : nic.inetAddresses().toList()) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to test with");
    }
}
