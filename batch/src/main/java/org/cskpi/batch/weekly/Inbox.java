package org.cskpi.batch.weekly;

import static org.cskpi.store.jooq.Tables.INBOX_FILES;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * The weekly job's inbox (docs/commands.md#run): one folder per format, {@code zendesk/},
 * {@code freshdesk/}, {@code chatwoot/}, {@code csv/} (canonical CSV) and {@code responses/}
 * (NPS answers as {@code responses import} reads them). A file is new until a run has read it;
 * files are known by the SHA-256 of their content (store table {@code inbox_files}), so a file
 * dropped twice, or renamed, is read once. A file whose name, size and last-modified time are
 * those recorded when it was read is not hashed again: an inbox that keeps a year of exports
 * costs a directory listing, not a year of reading.
 */
public final class Inbox {

    /** The folders of the inbox, each named by the format of the files in it. */
    public enum Kind { zendesk, freshdesk, chatwoot, csv, responses }

    /** A file found in the inbox. */
    public record InboxFile(Path path, Kind kind, String sha256, long bytes, long modifiedMs) {
    }

    /** What a run recorded about a file it read. */
    private record Known(String sha256, long bytes, Long modifiedMs) {
    }

    private final Path root;
    private final DSLContext dsl;

    public Inbox(Path root, DSLContext dsl) {
        this.root = root;
        this.dsl = dsl;
    }

    public Path root() {
        return root;
    }

    /** The files no run has read yet, by folder and then name; a content seen twice comes once. */
    public List<InboxFile> newFiles() {
        Map<String, Known> byName = new HashMap<>();
        Set<String> seen = new HashSet<>();
        dsl.select(INBOX_FILES.NAME, INBOX_FILES.SHA256, INBOX_FILES.BYTES, INBOX_FILES.MODIFIED_MS).from(INBOX_FILES)
                .forEach(r -> {
                    byName.put(r.value1(), new Known(r.value2(), r.value3(), r.value4()));
                    seen.add(r.value2());
                });
        List<InboxFile> files = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Path path : filesIn(root.resolve(kind.name()))) {
                long bytes = size(path);
                long modified = modifiedMs(path);
                Known known = byName.get(root.relativize(path).toString());
                if (known != null && known.bytes() == bytes && Long.valueOf(modified).equals(known.modifiedMs())) {
                    continue;
                }
                InboxFile file = new InboxFile(path, kind, sha256(path), bytes, modified);
                if (seen.add(file.sha256())) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** What lies in the inbox outside the format folders; the run names it and leaves it alone. */
    public List<Path> strays() {
        Set<String> kinds = new HashSet<>(Arrays.stream(Kind.values()).map(Kind::name).toList());
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !(Files.isDirectory(p) && kinds.contains(p.getFileName().toString())))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list the inbox", e);
        }
    }

    /** Records {@code files} as read by run {@code runId}. */
    public void remember(List<InboxFile> files, long runId, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (InboxFile file : files) {
            dsl.insertInto(INBOX_FILES)
                    .set(INBOX_FILES.SHA256, file.sha256())
                    .set(INBOX_FILES.NAME, root.relativize(file.path()).toString())
                    .set(INBOX_FILES.KIND, file.kind().name())
                    .set(INBOX_FILES.BYTES, file.bytes())
                    .set(INBOX_FILES.MODIFIED_MS, file.modifiedMs())
                    .set(INBOX_FILES.RUN_ID, runId)
                    .set(INBOX_FILES.READ_AT, when)
                    .onDuplicateKeyIgnore()
                    .execute();
        }
    }

    private static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the inbox folder", e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read", e);
        }
    }

    private static long modifiedMs(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read", e);
        }
    }

    static String sha256(Path path) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
