package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cskpi.cli.Cli;
import org.cskpi.store.Store;
import org.cskpi.config.CskpiConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UserCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        CommandLine cli = Cli.commandLine(new UserCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        return cli.execute(all);
    }

    @Test
    void add_list_passwd_remove_round_trip() {
        assertThat(run("secret-pass\nsecret-pass\n", "add", "ann", "--role", "analyst")).isZero();
        assertThat(out.toString()).contains("Added user ann (analyst).");
        assertThat(run("", "list")).isZero();
        assertThat(out.toString()).containsPattern("ann\\s+analyst\\s+\\d{4}-\\d{2}-\\d{2}");
        assertThat(run("other-pass\n", "passwd", "ann")).isZero();
        assertThat(authenticate("ann", "other-pass")).isTrue();
        assertThat(authenticate("ann", "secret-pass")).isFalse();
        assertThat(run("", "remove", "ann")).isZero();
        assertThat(authenticate("ann", "other-pass")).isFalse();
    }

    @Test
    void an_empty_list_says_how_to_add_the_first_user_instead_of_printing_a_bare_header() {
        assertThat(run("", "list")).isZero();
        assertThat(out.toString()).contains("No users yet").contains("cskpi user add NAME --role admin")
                .doesNotContain("USER");
        assertThat(run("secret-pass\nsecret-pass\n", "add", "ann", "--role", "admin")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("", "list")).isZero();
        assertThat(out.toString()).startsWith("USER").doesNotContain("No users yet");
    }

    @Test
    void differing_passwords_unknown_roles_and_duplicates_fail_with_one_line() {
        assertThat(run("secret-pass\nsecret-pasz\n", "add", "ann", "--role", "analyst")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("cskpi: the two passwords differ; nothing changed");
        assertThat(run("secret-pass\n", "add", "ann", "--role", "owner")).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("unknown role 'owner'; expected manager, analyst or admin");
        assertThat(run("secret-pass\n", "add", "ann", "--role", "admin")).isZero();
        assertThat(run("secret-pass\n", "add", "ann", "--role", "admin")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("cskpi: user 'ann' already exists");
        assertThat(run("", "remove", "zed")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("cskpi: no user 'zed'");
    }

    private boolean authenticate(String username, String password) {
        try (Store store = Store.open(CskpiConfig.defaults(dataDir).storeUrl())) {
            return new UserService(store.dsl(), PasswordHasher.DEFAULT, java.time.Clock.systemUTC())
                    .authenticate(username, password).isPresent();
        }
    }
}
