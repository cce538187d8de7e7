package org.cskpi.batch.weekly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cskpi.batch.weekly.Inbox.InboxFile;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {

    private static final Instant READ_AT = Instant.parse("2026-11-30T06:00:00Z");

    @TempDir
    Path root;

    private Store store;
    private Inbox inbox;
    private long runId;

    @BeforeEach
    void open() {
        store = Store.openMigrated("jdbc:h2:mem:inbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        inbox = new Inbox(root, store.dsl());
        runId = new RunLog(store.dsl(), Clock.fixed(READ_AT, ZoneOffset.UTC)).start("ingest");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFileIsNewUntilReadAndItsCopyUnderAnotherNameIsNotNew() throws Exception {
        Path first = write("csv/week-47.csv", "id,subject\n1,Refund\n");
        assertThat(paths(inbox.newFiles())).containsExactly(first);

        inbox.remember(inbox.newFiles(), runId, READ_AT);
        write("csv/week-47-again.csv", "id,subject\n1,Refund\n");

        assertThat(inbox.newFiles()).isEmpty();
    }

    @Test
    void anUnchangedFileIsKnownByNameSizeAndTimeWithoutReadingIt() throws Exception {
        Path file = write("zendesk/tickets.json", "{\"tickets\":[]}");
        FileTime modified = Files.getLastModifiedTime(file);
        inbox.remember(inbox.newFiles(), runId, READ_AT);

        // Same name, size and time: the content is not read again, so this edit goes unseen.
        Files.writeString(file, "{\"tickets\":{}}");
        Files.setLastModifiedTime(file, modified);
        assertThat(inbox.newFiles()).isEmpty();

        // A new time makes the run hash the file, and new content makes it new.
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified.toMillis() + 60_000));
        List<InboxFile> changed = inbox.newFiles();
        assertThat(paths(changed)).containsExactly(file);
        assertThat(changed.get(0).sha256()).isEqualTo(Inbox.sha256(file));
    }

    @Test
    void aTouchedFileWithTheSameContentIsHashedAndStillNotNew() throws Exception {
        Path file = write("freshdesk/tickets.csv", "Ticket ID,Subject\n7,Late parcel\n");
        inbox.remember(inbox.newFiles(), runId, READ_AT);

        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));

        assertThat(inbox.newFiles()).isEmpty();
    }

    private Path write(String name, String content) throws Exception {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static List<Path> paths(List<InboxFile> files) {
        return files.stream().map(InboxFile::path).toList();
    }
}
