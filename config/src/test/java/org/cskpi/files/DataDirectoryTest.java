package org.cskpi.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

    @Test
    void a_data_directory_left_open_by_an_earlier_version_is_made_owner_only_with_one_line(@TempDir Path dir)
            throws IOException {
        Path data = open(Files.createDirectories(dir.resolve("data/warehouse/tickets")).getParent().getParent());
        open(data.resolve("warehouse"));
        open(data.resolve("warehouse/tickets"));
        open(Files.writeString(data.resolve("cskpi.mv.db"), "store"));
        open(Files.writeString(data.resolve("warehouse/tickets/part-0.parquet"), "rows"));

        DataDirectory.makeOwnerOnly(data, new PrintStream(messages, true, StandardCharsets.UTF_8));

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("warehouse/tickets"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("cskpi.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(data.resolve("warehouse/tickets/part-0.parquet"))).isEqualTo("rw-------");
        assertThat(messages.toString(StandardCharsets.UTF_8)).hasLineCount(1)
                .contains("made the data directory " + data + " owner-only").contains("5 paths were open");

        messages.reset();
        DataDirectory.makeOwnerOnly(data, new PrintStream(messages, true, StandardCharsets.UTF_8));
        assertThat(messages.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_directory_that_is_not_cskpis_or_is_shared_is_left_alone(@TempDir Path dir) throws IOException {
        Path home = open(Files.createDirectories(dir.resolve("home")));
        open(Files.writeString(home.resolve("notes.txt"), "mine"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(shared, "unix:mode", 01777);
        open(Files.writeString(shared.resolve("cskpi.mv.db"), "store"));

        DataDirectory.makeOwnerOnly(home, new PrintStream(messages, true, StandardCharsets.UTF_8));
        DataDirectory.makeOwnerOnly(shared, new PrintStream(messages, true, StandardCharsets.UTF_8));
        DataDirectory.makeOwnerOnly(dir.resolve("missing"), new PrintStream(messages, true, StandardCharsets.UTF_8));

        assertThat(mode(home)).isEqualTo("rwxr-xr-x");
        assertThat(mode(home.resolve("notes.txt"))).isEqualTo("rw-r--r--");
        assertThat(mode(shared)).isEqualTo("rwxrwxrwx");
        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(messages.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void owner_only_files_are_600_even_when_they_existed_and_their_new_directories_700(@TempDir Path dir)
            throws IOException {
        Path existing = open(Files.writeString(dir.resolve("report.html"), "old"));
        OwnerOnly.writeString(existing, "new");
        OwnerOnly.writeString(dir.resolve("reports/2026-W47.html"), "report");

        assertThat(existing).hasContent("new");
        assertThat(mode(existing)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("reports"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("reports/2026-W47.html"))).isEqualTo("rw-------");
    }

    private static Path open(Path path) throws IOException {
        return Files.setPosixFilePermissions(path,
                PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
