package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectRootTest {
    @TempDir
    Path dir;

    @Test
    void nearestRepositoryAboveTheWorkingDirectory() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectory(repo.resolve(".git"));
        Path cwd = Files.createDirectories(repo.resolve("service/db"));
        assertEquals(repo, ProjectRoot.find(cwd, List.of(cwd)));
    }

    @Test
    void aGitFileCountsToo() throws Exception {
        // A git worktree has a .git file, not a directory.
        Files.writeString(dir.resolve(".git"), "gitdir: elsewhere");
        Path cwd = Files.createDirectories(dir.resolve("a"));
        assertEquals(dir, ProjectRoot.find(cwd, List.of(cwd)));
    }

    @Test
    void workingDirectoryWithoutRepository() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("plain"));
        assertEquals(cwd, ProjectRoot.find(cwd, List.of(cwd.resolve("x.sql"))));
    }

    @Test
    void pathsOutsideTheRootUseTheirCommonDirectory() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("here"));
        Path a = Files.createDirectories(dir.resolve("elsewhere/one"));
        Path b = Files.createFile(Files.createDirectories(dir.resolve("elsewhere/two")).resolve("V1__x.sql"));
        assertEquals(dir.resolve("elsewhere"), ProjectRoot.find(cwd, List.of(a, b)));
        assertEquals(b.getParent(), ProjectRoot.find(cwd, List.of(b)));
    }

    @Test
    void globsSearchTheirLiteralDirectory() {
        assertEquals(Path.of("/r/db/sql"), ProjectRoot.literalPrefix(Path.of("/r/db/sql/*.postgres.*.sql")));
        assertEquals(Path.of("/r"), ProjectRoot.literalPrefix(Path.of("/r/**/V*.sql")));
    }

    @Test
    void lintHandsAbsolutePathsAndTheRootToTheLoader() throws Exception {
        Files.createDirectory(dir.resolve(".git"));
        Path cwd = Files.createDirectories(dir.resolve("svc"));
        Files.createDirectories(cwd.resolve("db"));
        AtomicReference<LoadOptions> seen = new AtomicReference<>();
        CliRun r = CliRun.run(cwd, Map.of(), o -> {
            seen.set(o);
            return TestProjects.empty(o.root());
        }, "lint", "db", "db/*.sql", "--exclude", "db/old/**", "--dialect", "mysql");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(dir, seen.get().root());
        assertEquals(List.of(cwd.resolve("db").toString(), cwd.resolve("db/*.sql").toString()), seen.get().paths());
        assertEquals(List.of("db/old/**"), seen.get().excludes());
        assertEquals("mysql", seen.get().dialect().id());
    }

    @Test
    void noPathMeansTheWorkingDirectoryAndNoDialectMeansDetect() {
        AtomicReference<LoadOptions> seen = new AtomicReference<>();
        CliRun.run(dir, Map.of(), o -> {
            seen.set(o);
            return TestProjects.empty(o.root());
        }, "lint");
        assertEquals(List.of(dir.toString()), seen.get().paths());
        assertEquals(null, seen.get().dialect());
    }
}
