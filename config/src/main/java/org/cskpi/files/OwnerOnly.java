package org.cskpi.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories that only their owner may read: mode 600 and 700, whatever the
 * process umask (spark-submit and tests do not run under the launcher's {@code umask 077}).
 * On a file system without POSIX permissions these are plain file operations.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** Creates {@code dir} and its missing parents as 700; existing ones are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        if (posix(absolute.getParent())) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } else {
            Files.createDirectories(absolute);
        }
        return dir;
    }

    /**
     * Opens {@code file} for writing as mode 600 (also when it existed), creating its missing
     * directories as 700; without options it is created or truncated.
     */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        Path parent = createDirectories(file.toAbsolutePath().getParent());
        Set<OpenOption> opening = new HashSet<>(options.length == 0
                ? List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING) : List.of(options));
        opening.add(StandardOpenOption.WRITE);
        if (!posix(parent)) {
            return Channels.newOutputStream(Files.newByteChannel(file, opening));
        }
        OutputStream out = Channels.newOutputStream(
                Files.newByteChannel(file, opening, PosixFilePermissions.asFileAttribute(FILE_MODE)));
        Files.setPosixFilePermissions(file, FILE_MODE);
        return out;
    }

    /** Writes {@code content} as UTF-8 to {@code file}, mode 600. */
    public static void writeString(Path file, String content) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** True when {@code path} grants its group or others any access. */
    public static boolean isOpenToOthers(Path path) throws IOException {
        if (!posix(path)) {
            return false;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        mode.retainAll(GROUP_AND_OTHERS);
        return !mode.isEmpty();
    }

    /** Takes every right of group and others from {@code path} ({@code chmod go-rwx}); true if it had any. */
    public static boolean tighten(Path path) throws IOException {
        if (Files.isSymbolicLink(path) || !isOpenToOthers(path)) {
            return false;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        mode.removeAll(GROUP_AND_OTHERS);
        Files.setPosixFilePermissions(path, mode);
        return true;
    }

    /** {@code chmod -R go-rwx root} without following links; returns how many paths changed. */
    public static int tightenAll(Path root) throws IOException {
        int changed = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                changed += tighten(path) ? 1 : 0;
            }
        }
        return changed;
    }

    private static boolean posix(Path path) {
        return path == null || path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
