package dev.lifeguard.analyzer.change;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change model read from real git repositories built in a temporary directory. */
class GitChangesTest {
    @TempDir
    Path repo;
    private GitRepo gitRepo;

    @Test
    void sinceListsEveryKindOfChangeFromTheMergeBaseToTheWorkingTree() throws Exception {
        init();
        write("db/V1__a.sql", "CREATE TABLE a (id int);\n");
        write("db/V2__b.sql", "CREATE TABLE b (id int, name text, created timestamp, note text);\n");
        write("db/V3__c.sql", "CREATE TABLE c (id int);\n");
        commit("base");
        git("checkout", "-q", "-b", "feature");
        write("db/V1__a.sql", "CREATE TABLE a (id bigint);\n");
        git("mv", "db/V2__b.sql", "db/V2__renamed.sql");
        Files.delete(repo.resolve("db/V3__c.sql"));
        write("db/V4__d.sql", "CREATE TABLE d (id int);\n");
        commit("feature");
        git("checkout", "-q", "main");
        write("main-only.txt", "after the branch point\n");
        commit("main moves on");
        git("checkout", "-q", "feature");
        write("db/V5__untracked.sql", "SELECT 1;\n");

        Change change = GitChanges.open(repo).since("main");
        assertEquals(List.of(FileChange.modified(Path.of("db/V1__a.sql")),
                        FileChange.renamed(Path.of("db/V2__b.sql"), Path.of("db/V2__renamed.sql")),
                        FileChange.deleted(Path.of("db/V3__c.sql")),
                        FileChange.added(Path.of("db/V4__d.sql")),
                        FileChange.added(Path.of("db/V5__untracked.sql"))),
                change.files(), "main's own later commit is not part of the change");
        assertEquals(Optional.of("CREATE TABLE a (id int);\n"), change.baseTexts().read(Path.of("db/V1__a.sql")));
        assertEquals(Optional.empty(), change.baseTexts().read(Path.of("db/V4__d.sql")));
        assertTrue(change.baseFiles().contains(Path.of("db/V3__c.sql")));
        assertEquals(java.util.Set.of(Path.of("db/V3__c.sql")), change.deletedFiles());
        assertTrue(change.touches(Path.of("db/V2__renamed.sql")));
        assertTrue(!change.touches(Path.of("db/V3__c.sql")));
    }

    @Test
    void pathsAreRelativeToAProjectRootBelowTheRepository() throws Exception {
        init();
        write("service/db/V1__a.sql", "CREATE TABLE a (id int);\n");
        write("other/x.sql", "SELECT 1;\n");
        commit("base");
        write("service/db/V2__b.sql", "CREATE TABLE b (id int);\n");
        write("other/y.java", "class Y {}\n");

        Change change = GitChanges.open(repo.resolve("service")).since("HEAD");
        assertEquals(List.of(FileChange.added(Path.of("../other/y.java")), FileChange.added(Path.of("db/V2__b.sql"))),
                change.files());
        assertEquals(java.util.Set.of(Path.of("db/V1__a.sql")), change.baseFiles());
    }

    @Test
    void stagedReadsTheIndexNotTheWorkingTree() throws Exception {
        init();
        write("V1__a.sql", "CREATE TABLE a (id int);\n");
        commit("base");
        write("V1__a.sql", "CREATE TABLE a (id bigint);\n");
        write("V2__b.sql", "CREATE TABLE b (id int);\n");
        git("add", "-A");
        write("V2__b.sql", "-- not staged\n");

        GitChanges.Staged staged = GitChanges.open(repo).staged();
        assertEquals(List.of(FileChange.modified(Path.of("V1__a.sql")), FileChange.added(Path.of("V2__b.sql"))),
                staged.change().files());
        assertEquals("CREATE TABLE b (id int);\n", staged.index().get(Path.of("V2__b.sql")));
        assertEquals(Optional.of("CREATE TABLE a (id int);\n"), staged.change().baseTexts().read(Path.of("V1__a.sql")));
    }

    @Test
    void theBaseAndTheIndexAreReadFromGitInOnePass() throws Exception {
        init();
        write("service/src/A.java", "class A {}\n");
        write("service/src/B.java", "class B { /* base */ }\n");
        write("other/C.java", "class C {}\n");
        Files.createSymbolicLink(repo.resolve("service/src/Link.java"), Path.of("A.java"));
        commit("base");
        write("service/src/B.java", "class B { /* staged */ }\n");
        git("add", "-A");
        write("service/src/B.java", "class B { /* working tree */ }\n");

        GitChanges git = GitChanges.open(repo.resolve("service"));
        RevisionFiles base = git.since("HEAD").baseTree();
        assertEquals(java.util.Set.of(Path.of("src/A.java"), Path.of("src/B.java")), base.paths(),
                "files under the project root; a symbolic link is not a file");
        java.util.Map<Path, byte[]> read = base.read(List.of(Path.of("src/B.java"), Path.of("src/A.java"),
                Path.of("src/Missing.java")), 1_000);
        assertEquals("class B { /* base */ }\n", new String(read.get(Path.of("src/B.java")), StandardCharsets.UTF_8));
        assertEquals("class A {}\n", new String(read.get(Path.of("src/A.java")), StandardCharsets.UTF_8));
        assertEquals(2, read.size());
        java.util.Map<Path, byte[]> sliced = ((GitRevision) base).read(List.of(Path.of("src/B.java"), Path.of("src/A.java")),
                1_000, 15);
        assertEquals("class B { /* base */ }\n", new String(sliced.get(Path.of("src/B.java")), StandardCharsets.UTF_8),
                "read in slices, one cat-file each, the files are the same");
        assertEquals("class A {}\n", new String(sliced.get(Path.of("src/A.java")), StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of(Path.of("src/A.java")), base.read(List.of(Path.of("src/A.java"),
                Path.of("src/B.java")), 12).keySet(), "a file above the size limit is left out");
        assertTrue(base.label().matches("[0-9a-f]{7,}"), base.label());

        Change staged = git.staged().change();
        assertEquals("class B { /* staged */ }\n", new String(staged.headTree().read(List.of(Path.of("src/B.java")),
                1_000).get(Path.of("src/B.java")), StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of(Path.of("src/A.java")), staged.headTree().read(List.of(Path.of("src/A.java"),
                Path.of("src/B.java")), 24).keySet(), "index entries have no size in the listing: it is asked for");
        assertEquals("the git index", staged.headTree().label());
        assertEquals("class B { /* base */ }\n", new String(staged.baseTree().read(List.of(Path.of("src/B.java")),
                1_000).get(Path.of("src/B.java")), StandardCharsets.UTF_8));
    }

    @Test
    void stagedBeforeTheFirstCommitHasAnEmptyBase() throws Exception {
        init();
        write("V1__a.sql", "CREATE TABLE a (id int);\n");
        git("add", "-A");
        GitChanges.Staged staged = GitChanges.open(repo).staged();
        assertEquals(List.of(FileChange.added(Path.of("V1__a.sql"))), staged.change().files());
        assertTrue(staged.change().baseFiles().isEmpty());
    }

    @Test
    void errorsAreOneLineForTheUser(@TempDir Path plain) throws Exception {
        GitException notRepo = assertThrows(GitException.class, () -> GitChanges.open(plain));
        assertTrue(notRepo.getMessage().startsWith("not a git repository: "), notRepo.getMessage());

        init();
        write("a.sql", "SELECT 1;\n");
        commit("base");
        GitChanges git = GitChanges.open(repo);
        assertEquals("unknown git revision: nope (--since needs a branch, tag or commit that exists in this repository)",
                assertThrows(GitException.class, () -> git.since("nope")).getMessage());
        assertThrows(GitException.class, () -> git.since("--output=/tmp/x"), "an option is never passed as a revision");
    }

    private void init() throws IOException {
        gitRepo = GitRepo.init(repo);
    }

    private void write(String path, String text) throws IOException {
        gitRepo.write(path, text);
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    private void git(String... args) throws IOException {
        gitRepo.git(args);
    }
}
