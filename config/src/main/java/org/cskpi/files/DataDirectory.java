package org.cskpi.files;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cskpi.cli.UserError;

/**
 * The data directory is owner-only (700), contents included. One that is open to group or
 * others, as earlier versions left it (or a process without the launcher's {@code umask 077}
 * made it), is tightened once, with a one-line message. Only a directory that is cskpi's own
 * (empty, or holding the store, the warehouse or the demo's marker) is touched, and never a
 * shared sticky one such as /tmp.
 */
public final class DataDirectory {

    private static final List<String> MARKS = List.of("cskpi.mv.db", "cskpi.password", "warehouse", ".cskpi-demo");
    private static final int STICKY = 01000;

    private DataDirectory() {
    }

    public static void makeOwnerOnly(Path dir, PrintStream messages) {
        try {
            if (!Files.isDirectory(dir) || !OwnerOnly.isOpenToOthers(dir) || sticky(dir) || !cskpisOwn(dir)) {
                return;
            }
            int changed = OwnerOnly.tightenAll(dir);
            messages.println("cskpi: made the data directory " + dir + " owner-only, contents included ("
                    + changed + (changed == 1 ? " path was" : " paths were") + " open to other users)");
        } catch (IOException e) {
            throw new UserError("cannot make the data directory " + dir + " owner-only (" + e.getMessage()
                    + "); run: chmod -R go-rwx " + dir, e);
        }
    }

    private static boolean cskpisOwn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return true;
            }
        }
        return MARKS.stream().anyMatch(mark -> Files.exists(dir.resolve(mark)));
    }

    private static boolean sticky(Path dir) throws IOException {
        try {
            return ((Integer) Files.getAttribute(dir, "unix:mode") & STICKY) != 0;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
