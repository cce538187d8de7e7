package org.cskpi.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The subcommands of {@code ./cskpi}, listed once in {@code commands.tsv} beside this class.
 * The launcher script reads that file for its usage text and to choose the JVM a command runs
 * in; {@link RootCommand} reads it to register each side's commands.
 */
public final class Subcommands {

    static final String RESOURCE = "commands.tsv";

    /** Where a command runs: the batch JVM (Spark), the web JVM (Javalin), or a script in bin/. */
    public enum Side { BATCH, WEB, SCRIPT }

    /**
     * One listed command. {@code name} is the command, with a second word when the summary is
     * about one of its subcommands ({@code db migrate}); {@code runs} is its picocli class, or
     * the script's path from the project root: one for every side, or one per side in the
     * sides' order.
     */
    public record Listed(String name, List<Side> sides, List<String> runs, String summary) {

        public Listed {
            if (runs.size() != 1 && runs.size() != sides.size()) {
                throw new IllegalStateException(RESOURCE + ": '" + name + "' lists " + sides.size() + " sides and "
                        + runs.size() + " classes; give one class, or one per side");
            }
        }

        /** What runs the command on {@code side}. */
        public String runsOn(Side side) {
            int index = sides.indexOf(side);
            if (index < 0) {
                throw new IllegalArgumentException("'" + name + "' does not run on " + side);
            }
            return runs.get(runs.size() == 1 ? 0 : index);
        }

        /** The first word: what picocli registers and the launcher routes on. */
        public String command() {
            return words().get(0);
        }

        public List<String> words() {
            return List.of(name.split(" "));
        }
    }

    private Subcommands() {
    }

    /** Every listed command, in the file's order (the order of the usage text). */
    public static List<Listed> all() {
        try (InputStream in = Subcommands.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + Subcommands.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Subcommands::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The listed commands one side runs. */
    public static List<Listed> on(Side side) {
        return all().stream().filter(listed -> listed.sides().contains(side)).toList();
    }

    static Listed parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
            throw new IllegalStateException(RESOURCE + ": expected name, side, runs and summary separated by tabs: " + line);
        }
        List<Side> sides = Arrays.stream(fields[1].split(","))
                .map(side -> Side.valueOf(side.strip().toUpperCase(Locale.ROOT))).toList();
        List<String> runs = Arrays.stream(fields[2].split(",")).map(String::strip).toList();
        return new Listed(fields[0], sides, runs, fields[3]);
    }
}
