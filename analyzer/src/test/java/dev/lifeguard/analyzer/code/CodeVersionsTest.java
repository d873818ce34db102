package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.GitChanges;
import dev.lifeguard.analyzer.change.GitRepo;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.TableName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code of both application versions of a reviewed change, from real git repositories. */
class CodeVersionsTest {
    private static final String USER = "src/main/java/app/User.java";
    private static final String USER_WITH_FAX = """
            package app;
            import jakarta.persistence.*;
            @Entity
            @Table(name = "users")
            class User {
                @Id Long id;
                String fax;
            }
            """;
    private static final String USER_WITHOUT_FAX = USER_WITH_FAX.replace("    String fax;\n", "");

    @TempDir
    Path repo;
    private GitRepo gitRepo;

    @BeforeEach
    void base() throws IOException {
        gitRepo = GitRepo.init(repo);
        write("src/main/resources/db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, fax text);\n");
        write(USER, USER_WITH_FAX);
        write("src/main/resources/application.properties", "spring.jpa.open-in-view=false\n");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
    }

    @Test
    void theRunningVersionIsTheBaseRevisionsCodeReadFromGit() throws Exception {
        write(USER, USER_WITHOUT_FAX);
        write("src/main/resources/db/migration/V2__drop_fax.sql", "ALTER TABLE users DROP COLUMN fax;\n");
        CodeVersions versions = versions(GitChanges.open(repo).since("main"));

        assertTrue(versions.codeChanged());
        List<CodeReference> running = fax(versions.running());
        assertEquals(1, running.size(), running.toString());
        assertEquals(Path.of(USER), running.get(0).file());
        assertEquals(7, running.get(0).line());
        assertEquals(List.of(), fax(versions.deploying()), "the working tree no longer maps fax");
        assertEquals(Optional.of(git("rev-parse", "--short", "main").strip()), versions.runningRevision());
    }

    @Test
    void aFileTheChangeDeletesIsStillTheRunningVersionsCode() throws Exception {
        Files.delete(repo.resolve(USER));
        CodeVersions versions = versions(GitChanges.open(repo).since("main"));
        assertEquals(1, fax(versions.running()).size());
        assertEquals(List.of(), fax(versions.deploying()));
    }

    @Test
    void withoutACodeChangeBothVersionsShareTheWorkingTreesIndex() throws Exception {
        write("src/main/resources/db/migration/V2__drop_fax.sql", "ALTER TABLE users DROP COLUMN fax;\n");
        Project project = load();
        CodeVersions versions = CodeVersions.of(project.code(), GitChanges.open(repo).since("main"));
        assertFalse(versions.codeChanged(), "only a migration changed");
        assertFalse(project.code().indexBuilt(), "nothing is read before it is asked for");
        assertSame(versions.running(), versions.deploying());
        assertTrue(project.code().indexBuilt(), "the working tree's own index serves both");
        assertTrue(versions.runningRevision().isPresent());
    }

    @Test
    void stagedDeploysTheIndexNotTheWorkingTree() throws Exception {
        write(USER, USER_WITHOUT_FAX);
        git("add", "-A");
        write(USER, USER_WITH_FAX.replace("String fax;", "String fax;\n    String telex;"));
        GitChanges.Staged staged = GitChanges.open(repo).staged();
        CodeVersions versions = versions(staged.change());
        assertEquals(1, fax(versions.running()).size(), "HEAD maps fax");
        assertEquals(List.of(), fax(versions.deploying()), "the index does not; the unstaged edit is not deployed");
        assertTrue(versions.deploying().referencesTo(TableName.parse("users"), "telex").isEmpty());
    }

    @Test
    void withoutAChangeThereIsOneVersionTheWorkingTree() throws Exception {
        write(USER, USER_WITHOUT_FAX);
        CodeVersions versions = CodeVersions.of(load().code(), null);
        assertFalse(versions.reviewed());
        assertSame(versions.running(), versions.deploying());
        assertEquals(List.of(), fax(versions.running()));
        assertEquals(Optional.empty(), versions.runningRevision());
    }

    @Test
    void testsMigrationsAndBuildOutputAtTheBaseAreNotCode() throws Exception {
        git("checkout", "-q", "main");
        write("src/test/java/app/UserTest.java", "class UserTest { String sql = \"select telex from users\"; }\n");
        write("src/main/java/build/Gen.java", "class Gen { String sql = \"select telex from users\"; }\n");
        write("src/main/resources/db/migration/V9__x.sql", "SELECT telex FROM users;\n");
        write("src/main/resources/queries/report.sql", "SELECT fax2 FROM users;\n");
        git("add", "-A");
        git("commit", "-q", "-m", "more");
        git("checkout", "-q", "-b", "other");
        write(USER, USER_WITHOUT_FAX);
        CodeIndex running = versions(GitChanges.open(repo).since("main")).running();
        assertEquals(List.of(), running.referencesTo(TableName.parse("users"), "telex"));
        assertEquals(1, running.referencesTo(TableName.parse("users"), "fax2").size(), "a query file is code");
    }

    @Test
    void theClassesMigrationsRunAndSchemaScriptsAreNotCodeInEitherVersion() throws Exception {
        git("checkout", "-q", "main");
        write("src/main/resources/db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <createTable tableName="users">
                            <column name="id" type="bigint"/>
                            <column name="fax" type="text"/>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <customChange class="app.db.MoveFax"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("src/main/java/app/db/MoveFax.java", "package app.db;\nclass MoveFax extends Base {\n"
                + "    String sql = \"select fax from users\";\n}\n");
        write("src/main/java/app/db/Base.java", "package app.db;\nabstract class Base {\n"
                + "    String check = \"select count(fax) from users\";\n}\n");
        write("src/main/resources/upgrade-1.2.sql", "ALTER TABLE users ADD COLUMN fax text;\nUPDATE users SET fax = '';\n");
        write("src/main/resources/queries/faxes.sql", "SELECT fax FROM users;\n");
        git("add", "-A");
        git("commit", "-q", "-m", "java migration");
        git("checkout", "-q", "-b", "drop");
        write(USER, USER_WITHOUT_FAX);
        Project project = new ProjectLoader().load(new LoadOptions(repo, List.of("src/main/resources/db/changelog.xml"),
                Dialect.POSTGRESQL, List.of()));
        CodeVersions versions = CodeVersions.of(project.code(), GitChanges.open(repo).since("main"));
        assertEquals(List.of(Path.of("src/main/java/app/User.java"), Path.of("src/main/resources/queries/faxes.sql")),
                fax(versions.running()).stream().map(CodeReference::file).toList(),
                "the customChange class, its base class and the upgrade script are migrations at the base too");
        assertEquals(List.of(Path.of("src/main/resources/queries/faxes.sql")),
                fax(versions.deploying()).stream().map(CodeReference::file).toList());
    }

    @Test
    void aProjectRootBelowTheRepositoryReadsItsOwnFilesAtTheBase() throws Exception {
        git("checkout", "-q", "main");
        Path service = repo.resolve("service");
        Files.createDirectories(service);
        git("mv", "src", "service/src");
        git("commit", "-q", "-m", "move");
        git("checkout", "-q", "-b", "sub");
        Files.writeString(service.resolve(USER), USER_WITHOUT_FAX, StandardCharsets.UTF_8);
        Project project = new ProjectLoader().load(new LoadOptions(service, List.of("src/main/resources/db/migration"),
                Dialect.POSTGRESQL, List.of()));
        CodeVersions versions = CodeVersions.of(project.code(), GitChanges.open(service).since("main"));
        List<CodeReference> running = fax(versions.running());
        assertEquals(List.of(Path.of(USER)), running.stream().map(CodeReference::file).toList());
    }

    @Test
    void aHandBuiltChangeReadsItsBaseFromMemory() throws Exception {
        write(USER, USER_WITHOUT_FAX);
        Change change = Change.of("main", List.of(dev.lifeguard.analyzer.change.FileChange.modified(Path.of(USER))),
                Map.of(Path.of(USER), USER_WITH_FAX));
        CodeVersions versions = versions(change);
        assertEquals(1, fax(versions.running()).size());
        assertEquals(Optional.of("main"), versions.runningRevision());
    }

    private CodeVersions versions(Change change) throws Exception {
        return CodeVersions.of(load().code(), change);
    }

    private Project load() throws Exception {
        return new ProjectLoader().load(new LoadOptions(repo, List.of("src/main/resources/db/migration"), Dialect.POSTGRESQL,
                List.of()));
    }

    private static List<CodeReference> fax(CodeIndex index) {
        return index.referencesTo(TableName.parse("users"), "fax");
    }

    private void write(String path, String text) throws IOException {
        gitRepo.write(path, text);
    }

    private String git(String... args) throws IOException {
        return gitRepo.git(args);
    }
}
