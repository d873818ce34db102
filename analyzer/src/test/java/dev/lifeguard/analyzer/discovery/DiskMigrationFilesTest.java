package dev.lifeguard.analyzer.discovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a long history ahead, in parallel, gives every file and every problem exactly as reading on demand. */
class DiskMigrationFilesTest {
    @TempDir
    Path root;

    @Test
    void readingAheadGivesWhatReadingOnDemandGives() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Path file = Path.of("db", "migration", "V" + i + "__step.sql");
            Files.createDirectories(root.resolve(file).getParent());
            byte[] text = i == 7 ? "SELECT 1;\nSELECT '\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1) // not UTF-8
                    : ("-- " + i + "\nCREATE TABLE t" + i + " (id int); -- \u00e9\n").getBytes(StandardCharsets.UTF_8);
            Files.write(root.resolve(file), text);
            files.add(file);
        }
        try (RandomAccessFile f = new RandomAccessFile(root.resolve(files.get(20)).toFile(), "rw")) {
            f.setLength(SourceReader.MAX_BYTES + 1); // over the cap
        }
        files.add(Path.of("db", "migration", "V99__missing.sql"));
        Path edited = files.get(3);
        Map<Path, String> overlay = Map.of(edited, "CREATE TABLE unsaved (id int);");

        ProjectRoot projectRoot = new ProjectRoot(root, List.of());
        DiskMigrationFiles onDemand = new DiskMigrationFiles(projectRoot, overlay);
        DiskMigrationFiles ahead = new DiskMigrationFiles(projectRoot, overlay);
        ahead.prefetch(files);
        for (Path file : files) {
            Optional<String> expected = onDemand.read(file).map(s -> s.text());
            assertEquals(expected, ahead.read(file).map(s -> s.text()), file.toString());
        }
        assertEquals(onDemand.problems(), ahead.problems());
        assertEquals(3, ahead.problems().size(), ahead.problems().toString()); // not UTF-8, over the cap, missing
        assertEquals(Optional.of("CREATE TABLE unsaved (id int);"), ahead.read(edited).map(s -> s.text()));
        assertTrue(ahead.problems().get(0).message().contains("UTF-8"), ahead.problems().toString());
    }

    @Test
    void aProbeAfterReadingAheadRecordsNoProblem() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            Path file = Path.of("V" + i + "__s.sql");
            Files.write(root.resolve(file), i == 1 ? new byte[]{(byte) 0xff, 'x'} : "SELECT 1;".getBytes(StandardCharsets.UTF_8));
            files.add(file);
        }
        DiskMigrationFiles ahead = new DiskMigrationFiles(new ProjectRoot(root, List.of()));
        ahead.prefetch(files);
        assertEquals(Optional.empty(), ahead.probe(files.get(0), text -> text));
        assertEquals(List.of(), ahead.problems());
        assertEquals(Optional.of("SELECT 1;"), ahead.probe(files.get(1), text -> text));
    }
}
