package org.cskpi.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

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

    private static boolean posix(Path path) {
        return path == null || path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
