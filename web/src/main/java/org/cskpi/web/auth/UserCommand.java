package org.cskpi.web.auth;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.cskpi.cli.CommonOptions;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cskpi user add|list|remove|passwd}: web app users in the KPI store. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage web app users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class,
                UserCommand.Passwd.class})
public final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final InputStream stdin;
    private final boolean useConsole;

    public UserCommand() {
        this(System.in, true);
    }

    /** For tests and scripts: passwords come from {@code stdin}, never the terminal. */
    public UserCommand(InputStream stdin, boolean useConsole) {
        this.stdin = stdin;
        this.useConsole = useConsole;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add, list, remove or passwd");
    }

    String readPassword(PrintWriter out, String username) {
        return new PasswordPrompt(stdin, useConsole ? System.console() : null).readNew(out, username);
    }

    static <T> T withUsers(CommonOptions common, java.util.function.Function<UserService, T> work) {
        CskpiConfig config = common.config();
        try (Store store = Store.openMigrated(config.storeUrl(), config.storePassword())) {
            return work.apply(new UserService(store.dsl(), PasswordHasher.DEFAULT, Clock.systemUTC()));
        } catch (UserService.UserException e) {
            throw new UserError(e.getMessage());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user; asks for the password twice (or reads it from standard input).")
    static final class Add implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Spec CommandSpec spec;
        @Mixin CommonOptions common;
        @Parameters(index = "0", paramLabel = "NAME") String username;
        @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
                description = "manager (reports), analyst (reports + query) or admin (also users).")
        Role role;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String password = parent.readPassword(out, username);
            User user = withUsers(common, users -> users.add(username, role, password));
            out.println("Added user " + user.username() + " (" + user.role().dbName() + ").");
            return 0;
        }
    }

    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CommonOptions common;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            java.util.List<User> users = withUsers(common, UserService::list);
            if (users.isEmpty()) {
                out.println("No users yet: nobody can sign in to the web app. Add one with"
                        + " `cskpi user add NAME --role admin`.");
                return 0;
            }
            out.printf("%-24s %-8s %s%n", "USER", "ROLE", "CREATED (UTC)");
            for (User user : users) {
                out.printf("%-24s %-8s %s%n", user.username(), user.role().dbName(), user.createdAt().toLocalDate());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CommonOptions common;
        @Parameters(index = "0", paramLabel = "NAME") String username;

        @Override
        public Integer call() {
            withUsers(common, users -> {
                users.remove(username);
                return null;
            });
            spec.commandLine().getOut().println("Removed user " + username + ".");
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password.")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand UserCommand parent;
        @Spec CommandSpec spec;
        @Mixin CommonOptions common;
        @Parameters(index = "0", paramLabel = "NAME") String username;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String password = parent.readPassword(out, username);
            withUsers(common, users -> {
                users.changePassword(username, password);
                return null;
            });
            out.println("Password of " + username + " changed.");
            return 0;
        }
    }
}
