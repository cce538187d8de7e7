package org.cskpi.sqlshell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.cskpi.cli.UserError;

/**
 * {@code cskpi sql} without a query: runs each statement of the input, ended by a line whose
 * last character is {@code ;} (or by the end of the input). A failing statement is reported on
 * {@code err} and the next one runs. With {@code prompt}, {@code sql> } and {@code   -> } ask
 * for the next line on {@code err}, so stdout holds nothing but results.
 */
public final class SqlPrompt {

    private final Consumer<String> runner;
    private final PrintStream err;
    private final boolean prompt;

    /** {@code runner} runs one statement (without its {@code ;}) and throws UserError when it fails. */
    public SqlPrompt(Consumer<String> runner, PrintStream err, boolean prompt) {
        this.runner = runner;
        this.err = err;
        this.prompt = prompt;
    }

    /** True when every statement ran. */
    public boolean run(InputStream input) {
        boolean allOk = true;
        StringBuilder statement = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            ask(statement);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                statement.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String text = statement.toString().strip();
                    statement.setLength(0);
                    allOk &= runOne(text.substring(0, text.length() - 1).strip());
                }
                ask(statement);
            }
            if (!statement.toString().isBlank()) {
                allOk &= runOne(statement.toString().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
        return allOk;
    }

    private void ask(StringBuilder statement) {
        if (prompt) {
            err.print(statement.isEmpty() ? "sql> " : "  -> ");
            err.flush();
        }
    }

    private boolean runOne(String text) {
        if (text.isBlank()) {
            return true;
        }
        try {
            runner.accept(text);
            return true;
        } catch (UserError e) {
            err.println("cskpi: " + e.getMessage());
            return false;
        }
    }
}
