package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.LoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PathCollectorTest {
    @TempDir
    Path tmp;

    private Path root;

    private void file(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "SELECT 1;\n");
    }

    private PathCollector.Collected collect(List<String> excludes, String... paths) throws LoadException {
        return new PathCollector(new ProjectRoot(root, excludes)).collect(List.of(paths));
    }

    private static List<String> names(PathCollector.Collected collected) {
        return collected.files().stream().map(Glob::slashed).toList();
    }

    private void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        file("db/V1__a.sql");
        file("db/sub/V2__b.sql");
        file("target/classes/db/V1__a.sql");
        file("build/V1__a.sql");
        file("node_modules/x/V1__a.sql");
        file(".git/V1__a.sql");
        file(".hidden/V1__a.sql");
        file(".idea/V1__a.sql");
        file("legacy/V1__old.sql");
    }

    @Test
    void walkSkipsBuildOutputVcsAndHiddenDirectories() throws Exception {
        setUp();
        assertEquals(List.of("db/V1__a.sql", "db/sub/V2__b.sql", "legacy/V1__old.sql"), names(collect(List.of(), ".")));
    }

    @Test
    void filesDirectoriesAndAbsolutePathsGiveRelativePaths() throws Exception {
        setUp();
        assertEquals(List.of("db/V1__a.sql"), names(collect(List.of(), "db/V1__a.sql")));
        assertEquals(List.of("db/V1__a.sql", "db/sub/V2__b.sql"), names(collect(List.of(), root.resolve("db").toString())));
        // a directory named explicitly is read even if a walk would skip it
        assertEquals(List.of(".hidden/V1__a.sql"), names(collect(List.of(), ".hidden")));
    }

    @Test
    void globsRelativeAndAbsolute() throws Exception {
        setUp();
        assertEquals(List.of("db/V1__a.sql", "db/sub/V2__b.sql"), names(collect(List.of(), "db/**/*.sql")));
        assertEquals(List.of("db/sub/V2__b.sql"), names(collect(List.of(), root + "/db/*/V*.sql")));
        assertEquals(List.of("db/V1__a.sql", "db/sub/V2__b.sql"), names(collect(List.of(), "d?")));
    }

    @Test
    void excludesApplyToFilesAndTheirDirectories() throws Exception {
        setUp();
        assertEquals(List.of("db/V1__a.sql"), names(collect(List.of("legacy", "**/sub/*.sql"), ".")));
    }

    @Test
    void missingPathIsOneClearUsageError() throws Exception {
        setUp();
        LoadException e = assertThrows(LoadException.class, () -> collect(List.of(), "db/nope"));
        assertEquals("path not found: db/nope", e.getMessage());
        assertEquals("no file matches: db/*.xml", assertThrows(LoadException.class, () -> collect(List.of(), "db/*.xml")).getMessage());
        assertTrue(assertThrows(LoadException.class, () -> collect(List.of(), "/etc/*.conf")).getMessage()
                .startsWith("path outside the project root"));
    }

    @Test
    void pathOutsideTheRootIsRefused() throws Exception {
        setUp();
        Files.writeString(tmp.resolve("secret.sql"), "SELECT 'secret';\n");
        LoadException e = assertThrows(LoadException.class, () -> collect(List.of(), "../secret.sql"));
        assertEquals("path outside the project root: ../secret.sql", e.getMessage());
    }

    @Test
    void symlinksOutOfTheRootAreNotFollowed() throws Exception {
        setUp();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("V9__secret.sql"), "SELECT 'secret';\n");
        try {
            Files.createSymbolicLink(root.resolve("db/V3__link.sql"), outside.resolve("V9__secret.sql"));
            Files.createSymbolicLink(root.resolve("db/linkdir"), outside);
            Files.createSymbolicLink(root.resolve("db/inside"), root.resolve("legacy"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        PathCollector.Collected collected = collect(List.of(), "db");
        assertEquals(List.of("db/V1__a.sql", "db/inside/V1__old.sql", "db/sub/V2__b.sql"), names(collected));
        assertEquals(1, collected.problems().size());
        assertEquals(Path.of("db/V3__link.sql"), collected.problems().get(0).span().file());
        assertThrows(LoadException.class, () -> collect(List.of(), "db/V3__link.sql"));
        assertThrows(LoadException.class, () -> collect(List.of(), "db/linkdir"));
    }
}
