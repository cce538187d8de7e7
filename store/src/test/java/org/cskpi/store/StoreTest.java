package org.cskpi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.cskpi.config.ConfigException;
import org.flywaydb.core.Flyway;
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

    /**
     * H2 2.3.232's compaction on close intermittently wrote a store whose last chunk missed the
     * newest commits (a whole analyze publish vanished; DemoCommandIT failed at the report
     * step). An opened file store must run with that compaction off.
     */
    @Test
    void an_open_file_store_does_not_compact_when_it_closes(@TempDir Path dir) {
        try (Store store = Store.open("jdbc:h2:" + dir.resolve("cskpi"))) {
            assertThat(store.dsl().fetchValue(
                    "select setting_value from information_schema.settings where setting_name = 'MAX_COMPACT_TIME'"))
                    .isEqualTo("0");
        }
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

    @Test
    void the_admin_with_an_empty_password_is_refused(@TempDir Path dir) throws Exception {
        try (Store store = Store.openMigrated("jdbc:h2:" + dir.resolve("cskpi"))) {
            assertThatThrownBy(() -> DriverManager.getConnection(store.url(), "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        }
    }

    @Test
    void a_fresh_store_leaves_no_file_readable_by_group_or_others(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.openMigrated("jdbc:h2:" + data.resolve("cskpi"))) {
            assertThat(filesOpenToOthers(data)).isEmpty();
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(data.resolve("cskpi.password")).exists();
        }
        assertThat(filesOpenToOthers(data)).isEmpty();
    }

    @Test
    void a_store_with_the_empty_admin_password_of_earlier_versions_gets_the_generated_one(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:" + dir.resolve("cskpi");
        String oldUrl = url + ";NON_KEYWORDS=VALUE,HOUR";
        // Store loads first, as in every cskpi process: it sets h2.bindAddress before H2 reads it.
        Class.forName(Store.class.getName());
        Flyway.configure().dataSource(oldUrl, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection old = DriverManager.getConnection(oldUrl, "sa", "")) {
            old.createStatement().execute("INSERT INTO runs (kind, started_at, status) "
                    + "VALUES ('ingest', CURRENT_TIMESTAMP, 'succeeded')");
        }

        try (Store store = Store.openMigrated(url)) {
            assertThat(store.dsl().fetchCount(RUNS)).isEqualTo(1);
            assertThatThrownBy(() -> DriverManager.getConnection(store.url(), "sa", "").close())
                    .isInstanceOf(SQLException.class);
        }
        try (Store again = Store.open(url)) {
            assertThat(again.dsl().fetchCount(RUNS)).isEqualTo(1);
        }
        assertThat(filesOpenToOthers(dir)).isEmpty();
    }

    @Test
    void processes_creating_a_store_at_once_agree_on_one_owner_only_password(@TempDir Path dir) throws Exception {
        String url = StoreSettings.withSettings("jdbc:h2:" + dir.resolve("data/cskpi"));
        ExecutorService starts = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> passwords = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                passwords.add(starts.submit(() -> StorePassword.of(url, Optional.empty()).value()));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> password : passwords) {
                distinct.add(password.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(distinct.iterator().next()).matches("[A-Za-z0-9_-]{43}");
        } finally {
            starts.shutdown();
        }
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("cskpi.password");
        }
        assertThat(mode(dir.resolve("data/cskpi.password"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
    }

    @Test
    void a_configured_password_is_used_instead_of_a_generated_one(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:" + dir.resolve("cskpi");
        try (Store store = Store.openMigrated(url, Optional.of("chosen-by-the-operator"))) {
            DriverManager.getConnection(store.url(), "sa", "chosen-by-the-operator").close();
        }
        assertThat(dir.resolve("cskpi.password")).doesNotExist();
        assertThatThrownBy(() -> Store.open("jdbc:h2:tcp://localhost:9092/cskpi"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("store.password: required");
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

    /** Every path under {@code dir} (itself included) that grants its group or others any access. */
    private static List<String> filesOpenToOthers(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(path -> path + " " + mode(path)).filter(line -> !line.endsWith("------")).toList();
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
