package dev.lifeguard.verify.mariadb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A data directory {@code mariadb-install-db} made once per server binary ({@code $TMPDIR/lifeguard-mariadb/
 * template-<size>-<mtime>/data}, with {@code files.txt} listing its files and sizes): each run starts from a copy,
 * which takes a fraction of the seconds install-db does. Made in a staging directory renamed into place, so runs
 * starting together never see half a template; checked against its file list before each use (temp cleaners) and
 * made again when damaged. A run's data directory is never the template itself.
 */
final class MariaDbTemplate {
    private MariaDbTemplate() {
    }

    static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "lifeguard-mariadb");
    }

    /** Copies the template for {@code server} to {@code data} (making it first if needed); false when there is none. */
    static boolean copyTo(Path templates, Path server, Path installDb, boolean root, Path data, long deadline) {
        try {
            Path template = templates.resolve("template-" + Files.size(server) + "-" + Files.getLastModifiedTime(server).toMillis());
            if (!valid(template)) {
                make(template, installDb, root, deadline);
            }
            if (!valid(template)) {
                return false;
            }
            copyTree(template.resolve("data"), data);
            return true;
        } catch (IOException | RuntimeException e) {
            deleteTree(data);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void make(Path template, Path installDb, boolean root, long deadline) throws IOException, InterruptedException {
        Files.createDirectories(template.getParent());
        Path staging = Files.createTempDirectory(template.getParent(), "staging-");
        try {
            install(installDb, root, staging.resolve("data"), staging.resolve("install.log"), deadline);
            List<String> files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(staging.resolve("data"))) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(staging.resolve("data").relativize(p) + "\t" + Files.size(p));
                }
            }
            Files.write(staging.resolve("files.txt"), files, StandardCharsets.UTF_8);
            if (Files.exists(template)) {
                deleteTree(template); // damaged: replaced
            }
            try {
                Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another run made it meanwhile
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** Whether every file the list names is there with its size. */
    private static boolean valid(Path template) {
        Path list = template.resolve("files.txt");
        if (!Files.isRegularFile(list)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
            for (String line : lines) {
                int tab = line.lastIndexOf('\t');
                Path f = template.resolve("data").resolve(line.substring(0, tab));
                if (!Files.isRegularFile(f) || Files.size(f) != Long.parseLong(line.substring(tab + 1))) {
                    return false;
                }
            }
            return !lines.isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs mariadb-install-db into {@code data}: the system tables, no test database, root without a password. */
    static void install(Path installDb, boolean root, Path data, Path log, long deadline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--innodb-log-file-size=16M"));
        if (root) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            p.destroyForcibly();
            throw new IOException(installDb.getFileName() + " did not finish within " + MariaDbServer.START_LIMIT.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IOException(installDb.getFileName() + " failed (exit " + p.exitValue() + ")"
                    + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip()));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
