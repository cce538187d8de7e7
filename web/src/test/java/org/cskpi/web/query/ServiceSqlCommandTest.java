package org.cskpi.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cskpi.cli.Cli;
import org.cskpi.web.testing.SqlServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cskpi sql}'s first side against a real SQL service (a cskpi sql-server process over an
 * empty warehouse): it runs there when the service answers to the config's token, and declines
 * with exit 3, reading nothing, whenever it does not, so that the launcher runs local Spark.
 */
@ExtendWith(SqlServerProcess.class)
class ServiceSqlCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Stdin that fails the test when read: a declining side must leave it to the next one. */
    private static final InputStream UNTOUCHED = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("stdin was read");
        }
    };

    private int sql(String yaml, InputStream in, String... args) throws IOException {
        Path config = dir.resolve("cskpi.yaml");
        Files.writeString(config, yaml);
        List<String> all = new ArrayList<>(List.of("--config", config.toString(), "--data-dir", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        ServiceSqlCommand command = new ServiceSqlCommand(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return Cli.commandLine(command).setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true))
                .execute(all.toArray(String[]::new));
    }

    private static String yaml(int port, String token, int maxRows) {
        return "sql_server:\n  port: " + port + "\n  token: " + token + "\n  max_rows: " + maxRows + "\n";
    }

    private static String yaml(SqlServerProcess.Running service, int maxRows) {
        return yaml(service.settings().port(), SqlServerProcess.TOKEN, maxRows);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_query_runs_on_the_service_with_its_views_and_rules(SqlServerProcess.Running service) throws IOException {
        // survey_invitations is a view of the service only: local Spark has no such table.
        assertThat(sql(yaml(service, 100), UNTOUCHED, "--format", "csv",
                "select count(*) as invitations, timestamp'2026-03-29 01:30:00' as at from survey_invitations")).isZero();
        assertThat(out()).isEqualTo("invitations,at\n0,2026-03-29 01:30:00\n");
        assertThat(err()).isEmpty();

        assertThat(sql(yaml(service, 100), UNTOUCHED, "select java_method('java.lang.System', 'getProperty', 'user.name')"))
                .isEqualTo(Cli.FAILED);
        assertThat(err()).isEqualTo("cskpi: Refused: the reflection functions (reflect, java_method, try_reflect) are not allowed.\n");
    }

    @Test
    void statements_from_stdin_run_on_the_service_and_a_failing_one_does_not_stop_the_rest(
            SqlServerProcess.Running service) throws IOException {
        InputStream statements = new ByteArrayInputStream(
                "select 1 as one;\ncreate table t as select 1;\nselect\n  2 as two;\n".getBytes(StandardCharsets.UTF_8));

        assertThat(sql(yaml(service, 100), statements, "--format", "json")).isEqualTo(Cli.FAILED);

        assertThat(out()).isEqualTo("{\"one\":1}\n{\"two\":2}\n");
        assertThat(err()).startsWith("cskpi: Refused: only queries run on this service;").hasLineCount(1);
    }

    @Test
    void past_the_row_cap_the_first_rows_are_printed_and_the_command_fails(SqlServerProcess.Running service)
            throws IOException {
        assertThat(sql(yaml(service, 3), UNTOUCHED, "--format", "csv", "select explode(sequence(1, 5)) as n"))
                .isEqualTo(Cli.FAILED);

        assertThat(out()).isEqualTo("n\n1\n2\n3\n");
        assertThat(err()).isEqualTo("cskpi: the result has more than 3 rows and only the first 3 were printed; the SQL "
                + "service returns at most sql_server.max_rows rows; ./cskpi sql --local prints them all\n");
    }

    @Test
    void with_no_service_listening_it_declines_saying_why_and_reads_nothing() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }

        assertThat(sql(yaml(nobody, SqlServerProcess.TOKEN, 100), UNTOUCHED, "select 1")).isEqualTo(Cli.ELSEWHERE);

        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("cskpi: no SQL service at sc://127.0.0.1:" + nobody + "; running on local Spark.\n");
    }

    @Test
    void a_service_that_refuses_the_token_is_not_this_data_directorys(SqlServerProcess.Running service)
            throws IOException {
        assertThat(sql(yaml(service.settings().port(), "another-directorys-token-0123", 100), UNTOUCHED, "select 1"))
                .isEqualTo(Cli.ELSEWHERE);

        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("cskpi: the SQL service at sc://127.0.0.1:" + service.settings().port()
                + " refused sql_server.token (it serves another data directory?); running on local Spark.\n");
    }

    @Test
    void without_a_token_or_with_local_it_declines_quietly(SqlServerProcess.Running service) throws IOException {
        assertThat(sql("sql_server:\n  port: " + service.settings().port() + "\n", UNTOUCHED, "select 1"))
                .isEqualTo(Cli.ELSEWHERE);
        assertThat(sql(yaml(service, 100), UNTOUCHED, "--local", "select 1")).isEqualTo(Cli.ELSEWHERE);

        assertThat(out()).isEmpty();
        assertThat(err()).isEmpty();
    }
}
