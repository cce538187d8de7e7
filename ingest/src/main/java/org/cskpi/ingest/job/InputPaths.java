package org.cskpi.ingest.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.cskpi.cli.UserError;

/**
 * Expands {@code --input} arguments through Hadoop's FileSystem (so hdfs:// and s3a:// work
 * as local paths do): a file, a directory (every file below it, hidden and {@code _} files
 * skipped), or a glob. Files keep argument order, each argument's files sorted by path;
 * that order is "the order of the input" that breaks dedupe ties.
 */
public final class InputPaths {

    private InputPaths() {
    }

    public static List<Path> expand(List<String> arguments, Configuration hadoop) {
        Set<Path> files = new LinkedHashSet<>();
        for (String argument : arguments) {
            files.addAll(expandOne(argument, hadoop));
        }
        if (files.isEmpty()) {
            throw new UserError("no input files in " + String.join(" ", arguments));
        }
        return List.copyOf(files);
    }

    private static List<Path> expandOne(String argument, Configuration hadoop) {
        Path pattern = new Path(argument);
        try {
            FileSystem fs = pattern.getFileSystem(hadoop);
            FileStatus[] matches = fs.globStatus(pattern);
            if (matches == null || matches.length == 0) {
                throw new UserError(argument + ": no such file or directory");
            }
            List<Path> files = new ArrayList<>();
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    RemoteIterator<LocatedFileStatus> below = fs.listFiles(match.getPath(), true);
                    while (below.hasNext()) {
                        Path file = below.next().getPath();
                        if (!hidden(file, match.getPath())) {
                            files.add(display(file, fs));
                        }
                    }
                } else {
                    files.add(display(match.getPath(), fs));
                }
            }
            if (files.isEmpty()) {
                throw new UserError(argument + ": directory holds no input files");
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new UserError(argument + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path file, Path top) {
        for (Path p = file; p != null && !p.equals(top); p = p.getParent()) {
            if (p.getName().startsWith(".") || p.getName().startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** Local files without the {@code file:} scheme when the default file system is local, for readable messages. */
    private static Path display(Path file, FileSystem fs) {
        boolean local = "file".equals(fs.getUri().getScheme()) && "file".equals(FileSystem.getDefaultUri(fs.getConf()).getScheme());
        return local ? Path.getPathWithoutSchemeAndAuthority(file) : file;
    }
}
