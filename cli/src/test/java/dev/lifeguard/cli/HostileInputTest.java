package dev.lifeguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hostile inputs of issue 13, each generated here, through the whole command line: the run ends with exit 2
 * and one line, or with a finding at the file, and the findings of the rest of the input are still reported.
 */
class HostileInputTest {
    private static final String DROP = "ALTER TABLE t DROP COLUMN c;\n";

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** A sparse file: its size says gigabytes, its disk holds nothing; the cap refuses it by its size. */
    private Path sparse(String relative, String head, long size) throws IOException {
        Path file = write(relative, head);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    private CliRun lint(String... args) {
        return CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, args);
    }

    private static void oneLine(CliRun r) {
        List<String> lines = r.errLines().stream().filter(l -> !l.startsWith("lifeguard: dialect:")).toList();
        assertEquals(1, lines.size(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    // 1. ~7,000 concatenated literals in a Java source under src/main/java

    @Test
    void thousandsOfConcatenatedLiteralsAreIndexedAndTheRunReports() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write("db/migration/V1__drop.sql", DROP);
        StringBuilder concat = new StringBuilder("\"select c from t where \"");
        for (int i = 0; i < 7000; i++) {
            concat.append(" + \"s").append(i).append('"');
        }
        write("src/main/java/x/Big.java", "package x;\nclass Big { String s = " + concat + "; }\n");
        write("src/main/java/x/Deep.java", "package x;\nclass Deep { String s = \"select c from t\" + "
                + "(".repeat(20_000) + "\"x\"" + ")".repeat(20_000) + "; }\n");
        CliRun r = lint("lint", "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"referenced-by-code\""), r.out()); // Big.java's query names t.c
        assertTrue(r.out().contains("src/main/java/x/Deep.java"), r.out()); // not indexed, and said
        assertTrue(r.out().contains("nests too deeply"), r.out());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    // 2. files over 2 GB: a changelog, an include, lifeguard.yml

    @Test
    void aChangelogIncludeOverTwoGigabytesIsAFindingAndTheRestIsChecked() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write("db/changelog.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <include file="big.xml" relativeToChangelogFile="true"/>
                  <changeSet id="1" author="a"><dropColumn tableName="t" columnName="c"/></changeSet>
                </databaseChangeLog>
                """);
        sparse("db/big.xml", "<databaseChangeLog>", 3L * 1024 * 1024 * 1024);
        sparse("db/migration/V1__huge.sql", DROP, 2200L * 1024 * 1024);
        CliRun r = lint("lint", "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("changelog is larger than 20 MB (3.0 GB): not read"), r.out());
        assertTrue(r.out().contains("file is larger than 20 MB (2.1 GB): not read"), r.out());
        assertTrue(r.out().contains("\"drop-column\""), r.out()); // the changeSet beside the include
    }

    @Test
    void aLifeguardYmlOverTwoGigabytesIsOneLineAndExitTwo() throws IOException {
        write("db/migration/V1__drop.sql", DROP);
        sparse("lifeguard.yml", "dialect: postgresql\n", 3L * 1024 * 1024 * 1024);
        CliRun r = lint("lint");
        assertEquals(2, r.exitCode(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("lifeguard.yml: cannot read it: it is larger than 1 MB (3.0 GB)"), r.err());
    }

    // 5. lifeguard.yml's migrations: pointing out of the repository

    @Test
    void migrationsOutsideTheRepositoryInLifeguardYmlAreRefused() throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write("outside/V1__secret.sql", DROP);
        write("repo/lifeguard.yml", "migrations: [../outside]\n");
        CliRun r = CliRun.run(repo, Map.of(), LintRunner.PROJECT_LOADER, "lint");
        assertEquals(2, r.exitCode(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("migrations path ../outside lies outside " + repo), r.err());
        assertFalse(r.out().contains("secret"), r.out());
    }

    // 6. a UTF-16 changelog is found and read, not passed over

    @Test
    void aUtf16ChangelogIsFoundAndChecked() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "  <changeSet id=\"1\" author=\"a\"><dropColumn tableName=\"t\" columnName=\"c\"/></changeSet>\n"
                + "</databaseChangeLog>\n";
        Files.createDirectories(dir.resolve("db"));
        Files.write(dir.resolve("db/changelog.xml"), xml.getBytes(StandardCharsets.UTF_16LE)); // no byte-order mark
        CliRun r = lint("lint", "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"drop-column\""), r.out());
        assertTrue(r.out().matches("(?s).*\"startLine\"\\s*:\\s*3\\b.*"), r.out());
    }

    // 8. a FIFO, and a device, given as the path

    @Test
    void aFifoGivenAsThePathIsAUsageError() throws Exception {
        Path fifo = dir.resolve("pipe.sql");
        ExternalTools.Run made = ExternalTools.run(dir, Map.of(), List.of("mkfifo", fifo.toString()));
        assumeTrue(made.exitCode() == 0, "mkfifo is not available: " + made.output());
        CliRun r = lint("lint", "pipe.sql");
        assertEquals(2, r.exitCode(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("not a regular file or directory: ") && r.err().contains("pipe.sql"), r.err());
    }

    @Test
    void aFifoInsideAMigrationDirectoryIsAFindingNotAHang() throws Exception {
        write("db/migration/V1__drop.sql", DROP);
        ExternalTools.Run made = ExternalTools.run(dir, Map.of(),
                List.of("mkfifo", dir.resolve("db/migration/V2__pipe.sql").toString()));
        assumeTrue(made.exitCode() == 0, "mkfifo is not available: " + made.output());
        CliRun r = lint("lint", "--format", "json", "db");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("not a regular file (a pipe, socket or device): not read"), r.out());
        assertTrue(r.out().contains("\"drop-column\""), r.out());
    }

    @Test
    void anUnreadableDirectoryIsSaidNeverPassedOverAsClean() throws Exception {
        write("db/migration/V1__drop.sql", DROP);
        write("db/locked/V2__drop.sql", DROP);
        Path locked = dir.resolve("db/locked");
        List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // root reads everything: drop the capabilities that let it, so the permissions count as for anyone
            command.add(ExternalTools.require("setpriv", "apt-get install util-linux").toString());
            command.add("--bounding-set=-dac_override,-dac_read_search");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "lint", "--dialect", "postgresql"));
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        try {
            List<String> inside = new java.util.ArrayList<>(command);
            inside.addAll(List.of("--format", "json", "db"));
            ExternalTools.Run walked = ExternalTools.run(dir, Map.of(), inside);
            assertEquals(1, walked.exitCode(), walked.output());
            assertTrue(walked.output().contains("cannot read directory (permission denied): nothing in it is checked"),
                    walked.output());
            assertTrue(walked.output().contains("\"db/locked\""), walked.output());
            assertTrue(walked.output().contains("\"drop-column\""), walked.output());

            List<String> given = new java.util.ArrayList<>(command);
            given.add("db/locked");
            ExternalTools.Run refused = ExternalTools.run(dir, Map.of(), given);
            assertEquals(2, refused.exitCode(), refused.output());
            List<String> lines = refused.output().lines().toList();
            assertEquals(1, lines.size(), refused.output());
            assertTrue(lines.get(0).startsWith("lifeguard: cannot read directory ")
                    && lines.get(0).endsWith("db/locked: permission denied"), refused.output());
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // 9. output to a full disk

    @Test
    void aFullDiskOnStandardOutputIsExitTwoNotAnEmptyReport() throws IOException {
        write("db/migration/V1__drop.sql", DROP);
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        CliRun r = CliRun.main(dir, Map.of(), LintRunner.PROJECT_LOADER, full, "lint", "--format", "sarif");
        assertEquals(2, r.exitCode(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("cannot write to standard output"), r.err());
    }

    @Test
    void aFullDiskAsTheOutputFileIsNamedSoNotAnInternalError() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full exists on Linux only");
        write("db/migration/V1__drop.sql", DROP);
        CliRun r = lint("lint", "--format", "sarif", "-o", "/dev/full");
        assertEquals(2, r.exitCode(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("cannot write /dev/full: No space left on device"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    // 11. a symbolic link to a migration inside the root

    @Test
    void aSymlinkedCopyNeverHidesTheRealFile() throws IOException {
        write("db/migration/V1__drop.sql", DROP);
        // named to sort before the real file in any directory order
        Files.createSymbolicLink(dir.resolve("db/migration/V0__alias.sql"), Path.of("V1__drop.sql"));
        Files.createDirectories(dir.resolve("a"));
        Files.createSymbolicLink(dir.resolve("a/V1__drop.sql"), Path.of("../db/migration/V1__drop.sql"));
        CliRun r = lint("lint", "--format", "json", "a", "db");
        assertTrue(r.out().contains("\"db/migration/V1__drop.sql\""), r.out());
        assertFalse(r.out().contains("V0__alias"), r.out());
        assertFalse(r.out().contains("\"a/V1__drop.sql\""), r.out());
    }

    // 12. terminal escapes in migration text

    @Test
    void controlCharactersNeverReachTheTerminalOrTheWorkflowLog() throws IOException {
        String evil = "\u001b[2K\u001b[1A\r\u202e";
        write("db/migration/V1__drop.sql", "ALTER TABLE \"t" + evil + "\" DROP COLUMN c;\n");
        for (String format : List.of("text", "github")) {
            CliRun r = lint("lint", "--format", format);
            assertEquals(1, r.exitCode(), r.err());
            for (char c : "\u001b\r\u202e".toCharArray()) {
                assertFalse(r.out().indexOf(c) >= 0, format + " output carries U+" + Integer.toHexString(c) + ": " + r.out());
            }
            assertTrue(r.out().contains("\u241b[2K"), r.out()); // shown, as a control picture
        }
        CliRun json = lint("lint", "--format", "json");
        assertFalse(json.out().contains("\u001b"), json.out());
        assertTrue(json.out().contains("\\u001B[2K"), json.out()); // JSON escapes it by construction
    }

    @Test
    void controlCharactersInTheDocsAddressNeverReachTheTerminal() throws IOException {
        write("db/migration/V1__drop.sql", DROP);
        write("lifeguard.yml", "docs-url: \"https://docs.example.com/\\e[2J/\"\n"); // YAML's \e is ESC
        for (String format : List.of("text", "github")) {
            CliRun r = lint("lint", "--format", format);
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.out().contains("https://docs.example.com/"), r.out());
            assertFalse(r.out().contains("\u001b"), format + " output carries ESC: " + r.out());
        }
    }

    // 14. --baseline with hostile files

    @Test
    void hostileBaselinesAreOneLineAndExitTwo() throws IOException {
        write("db/migration/V1__drop.sql", DROP);
        write("deep.json", "[".repeat(5000) + "]".repeat(5000));
        Files.write(dir.resolve("binary.json"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        for (String baseline : List.of("deep.json", "binary.json", "/dev/zero")) {
            if (baseline.startsWith("/dev") && !Files.exists(Path.of(baseline))) {
                continue;
            }
            CliRun r = lint("lint", "--baseline", baseline);
            assertEquals(2, r.exitCode(), baseline + ": " + r.err());
            oneLine(r);
            assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.err());
        }
    }

    // 16. usage errors are one line; file names that are not UTF-8

    @Test
    void usageErrorsAreOneLine() {
        CliRun r = lint("lint", "--bogus");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lifeguard: Unknown option: '--bogus' (try 'lifeguard lint --help')"), r.errLines());
    }

    @Test
    void aFileNameThatIsNotUtf8IsAFindingOnItsDirectoryNotABrokenPath() throws Exception {
        write("db/migration/V1__drop.sql", DROP);
        // the shell writes the raw byte 0xE9: Java cannot name such a file itself
        ExternalTools.Run made = ExternalTools.run(dir, Map.of(),
                List.of("sh", "-c", "printf 'SELECT 1;\\n' > \"db/migration/V2__caf$(printf '\\351').sql\""));
        assumeTrue(made.exitCode() == 0, made.output());
        CliRun r = lint("lint", "--format", "json", "db");
        assertTrue(r.out().contains("a file name in this directory is not valid UTF-8"), r.out());
        assertFalse(r.out().contains("\"path\" : \"db/migration/V2__caf"), r.out());
        assertTrue(r.out().contains("\"drop-column\""), r.out());
    }

    // the last resort: any Throwable is one line and exit 2, the stack trace only under LIFEGUARD_DEBUG

    @Test
    void anErrorThatEscapesEverythingIsOneLineAndExitTwo() {
        for (Error error : List.of(new StackOverflowError(), new OutOfMemoryError("Java heap space"),
                new AssertionError("unexpected"))) {
            CliRun r = CliRun.main(dir, Map.of(), o -> {
                throw error;
            }, new ByteArrayOutputStream(), "lint");
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("LIFEGUARD_DEBUG=1"), r.err());
            assertFalse(r.err().contains("Error"), r.err());
        }
        CliRun debug = CliRun.main(dir, Map.of("LIFEGUARD_DEBUG", "1"), o -> {
            throw new StackOverflowError();
        }, new ByteArrayOutputStream(), "lint");
        assertEquals(2, debug.exitCode());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }

    @Test
    void stdoutWritesFromEveryCommandAreChecked() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        CliRun r = CliRun.main(dir, Map.of(), LintRunner.PROJECT_LOADER, closed, "rules");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(new String(r.err().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .contains("cannot write to standard output"));
    }

    /**
     * 'lint' with plain options is read without picocli ({@link QuickLint}), the path every hook and CI run takes:
     * an Error on it and a full disk under it end as on any other path, because it runs inside {@code Main.run}.
     */
    @Test
    void theFastLintPathRunsInsideTheLastResortAndTheOutputCheck() throws IOException {
        write("db/migration/V1__drop.sql", DROP);
        String[] args = {"lint", "--format", "sarif", "db"};
        assertTrue(QuickLint.read(args, new LintCommand(new Streams(System.out, System.err),
                new Environment(dir, Map.of(), false), LintRunner.PROJECT_LOADER)), "QuickLint reads these arguments");

        LintRunner.Loader outOfMemory = o -> {
            throw new OutOfMemoryError("Java heap space");
        };
        CliRun crash = CliRun.main(dir, Map.of(), outOfMemory, new ByteArrayOutputStream(), args);
        assertEquals(2, crash.exitCode(), crash.err());
        assertEquals(1, crash.errLines().size(), crash.err());
        assertTrue(crash.err().startsWith("lifeguard: out of memory"), crash.err());
        CliRun debug = CliRun.main(dir, Map.of("LIFEGUARD_DEBUG", "1"), outOfMemory, new ByteArrayOutputStream(), args);
        assertEquals(2, debug.exitCode(), debug.err());
        assertTrue(debug.err().contains("at " + QuickLint.class.getName() + ".run("), "thrown on the fast path: " + debug.err());
        assertFalse(debug.err().contains("picocli"), debug.err());

        List<StackTraceElement[]> writes = new java.util.ArrayList<>();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writes.add(new Throwable().getStackTrace());
                throw new IOException("No space left on device");
            }
        };
        CliRun r = CliRun.main(dir, Map.of(), LintRunner.PROJECT_LOADER, full, args);
        assertEquals(2, r.exitCode(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("cannot write to standard output"), r.err());
        assertTrue(writes.stream().anyMatch(stack -> java.util.Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals(QuickLint.class.getName()))), "the report was written by the fast path");
        assertTrue(writes.stream().flatMap(java.util.Arrays::stream).noneMatch(frame -> frame.getClassName().startsWith("picocli.")));
    }
}
