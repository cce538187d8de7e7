package org.cskpi.web.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cskpi.cli.UserError;

/**
 * Reads a new password twice: on the terminal without echo when there is one, else from
 * standard input (two lines, or one line for scripts that pipe a single password).
 */
final class PasswordPrompt {

    private final InputStream stdin;
    private final Console console;

    PasswordPrompt(InputStream stdin, Console console) {
        this.stdin = stdin;
        this.console = console;
    }

    String readNew(PrintWriter out, String username) {
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", username);
            char[] second = console.readPassword("Repeat the password: ");
            if (first == null || second == null) {
                throw new UserError("no password given");
            }
            try {
                if (!Arrays.equals(first, second)) {
                    throw new UserError("the two passwords differ; nothing changed");
                }
                return new String(first);
            } finally {
                Arrays.fill(first, '\0');
                Arrays.fill(second, '\0');
            }
        }
        out.flush();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String first = reader.readLine();
            String second = reader.readLine();
            if (first == null || first.isEmpty()) {
                throw new UserError("no password given on standard input");
            }
            if (second != null && !second.equals(first)) {
                throw new UserError("the two passwords differ; nothing changed");
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
