package dev.lifeguard.intellij;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin run inside a newer IntelliJ core than the build-183 jars it compiles against: the platform that
 * {@code org.jetbrains.kotlin:kotlin-compiler:2.4.21} carries ({@code CoreApplicationEnvironment}, PSI, the local
 * VFS, {@code DocumentImpl}, {@code ProgressManager}), with the plugin's jars from the built zip in a class
 * loader of their own, the IDE's way (the plugin's jars first, then the platform). On a real project on disk:
 * the inspection's {@code checkFile} on a Flyway migration, its rewrite applied through the document in a write
 * action and the file checked again clean, the same fix applied to a copy as the preview does, a Liquibase XML
 * changelog, a pom.xml, the severity option, and cancellation through {@code ProgressManager}.
 *
 * <p>Not a real IDE: the inspection API classes ({@code com.intellij.codeInspection.*}) are not in the compiler's
 * core and come from Debian's build-183 jars, with the few old classes they need in turn (listed by the test;
 * their {@code InspectionsBundle} is a stand-in, see its comment), and the inspection manager is a test double ({@code TestInspectionManager}, which only records
 * what the inspection reports). The daemon, highlighting,
 * the intention popup and the preview UI are not exercised.
 */
class NewerCoreSmokeTest {
    private static NewerCoreSetup core;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        Path zip = ExternalInputs.pluginZip();
        List<Path> jars = ExternalInputs.require("the newer-core smoke test", NewerCoreSetup.CORE);
        Path api183 = Path.of(System.getProperty("lifeguard.intellij.api", "/usr/share/java/intellij-platform-api.jar"));
        write(".git/HEAD", "ref: refs/heads/main\n"); // the project root, as ProjectRoots finds it
        core = NewerCoreSetup.start(jars, api183, Path.of(System.getProperty("basedir", ".")).resolve("src/test/newer-core"),
                zip, work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (core != null) {
            call("dispose");
            core.loader.close();
        }
    }

    private static Object call(String name, Object... args) throws Exception {
        return core.call(name, args);
    }

    private static Path write(String relative, String text) throws IOException {
        Path file = work.resolve("project").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static List<String> check(Object psi) throws Exception {
        return (List<String>) call("check", psi);
    }

    @Test
    void thePluginRunsInItsOwnLoaderOnTheNewerCore() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> loaders = (Map<String, String>) call("loaders");
        assertEquals("lifeguard-plugin", loaders.get("inspection"));
        assertTrue(loaders.get("psi").contains("newer-intellij-core"), loaders.toString());
        assertTrue(loaders.get("document").contains("kotlin-compiler-2.4.21.jar"), loaders.toString());
    }

    /**
     * Every platform class the plugin's own code names, except the inspection API the compiler's core does not
     * carry, is the newer core's; what had to come from build 183 is printed for the record.
     */
    @AfterAll
    static void onlyTheInspectionApiCameFromBuild183() {
        if (core == null) {
            return;
        }
        List<String> taken = core.loader.takenFrom183.stream().sorted().toList();
        System.out.println("classes taken from Debian's build-183 jars (" + taken.size() + "): " + taken);
        for (String platform : List.of("com.intellij.psi.PsiFile", "com.intellij.psi.PsiDocumentManager",
                "com.intellij.openapi.editor.Document", "com.intellij.openapi.progress.ProgressManager",
                "com.intellij.openapi.application.ApplicationManager", "com.intellij.openapi.vfs.VirtualFile",
                "com.intellij.openapi.vfs.VirtualFileManager", "com.intellij.openapi.util.TextRange",
                "com.intellij.openapi.diagnostic.Logger", "com.intellij.util.messages.MessageBus")) {
            assertFalse(taken.contains(platform), platform + " came from build 183");
        }
        assertTrue(taken.contains("com.intellij.codeInspection.LocalInspectionTool"), taken.toString());
    }

    @Test
    void aFlywayMigrationOnDiskIsCheckedFixedThroughTheDocumentAndCheckedAgainClean() throws Exception {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Path v2 = write("db/migration/V2__index.sql", "CREATE INDEX idx_users_email ON users (email);\n");
        Object psi = call("open", v2);

        List<String> problems = check(psi);
        assertEquals(2, problems.size(), problems.toString()); // missing-lock-timeout, non-concurrent-index
        String[] p = problems.stream().filter(x -> x.contains(">non-concurrent-index<")).findFirst().orElseThrow().split("\\|", -1);
        assertEquals("GENERIC_ERROR", p[0], "non-concurrent-index is an error by Lifeguard's severity");
        assertTrue(p[2].startsWith("<html>") && p[2].contains(">non-concurrent-index</a>"), p[2]);
        assertTrue(p[3].startsWith("RewriteFix:Apply Lifeguard's safe rewrite:") && p[3].contains(";SuppressFix:"), p[3]);

        // the preview: the same fix object on a copy; the file is left alone
        String preview = (String) call("previewFix", psi, "non-concurrent-index", "RewriteFix");
        assertTrue(preview.contains("CREATE INDEX CONCURRENTLY idx_users_email"), preview);
        assertFalse(((String) call("text", psi)).contains("CONCURRENTLY"));

        call("applyFix", psi, "non-concurrent-index", "RewriteFix");
        String fixed = (String) call("text", psi);
        assertEquals("CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n", fixed);
        Object saved = call("saveAndReopen", psi);
        assertEquals(fixed, Files.readString(v2));
        assertEquals(List.of(), check(saved), "checked again after the fix: clean");
    }

    @Test
    void theSeverityOptionHandsTheLevelToTheInspectionSettings() throws Exception {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Path v3 = write("db/migration/V3__drop.sql", "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN email;\n");
        Object psi = call("open", v3);
        try {
            call("useLifeguardSeverity", false);
            List<String> problems = check(psi);
            assertFalse(problems.isEmpty());
            problems.forEach(p -> assertTrue(p.startsWith("GENERIC_ERROR_OR_WARNING|"), p));
        } finally {
            call("useLifeguardSeverity", true);
        }
        assertTrue(check(psi).stream().noneMatch(p -> p.startsWith("GENERIC_ERROR_OR_WARNING|")));
    }

    @Test
    void aLiquibaseXmlChangelogIsChecked() throws Exception {
        Path changelog = write("src/main/resources/db/changelog/db.changelog-master.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <createTable tableName="accounts">
                            <column name="id" type="bigint"/>
                            <column name="name" type="text"/>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <renameColumn tableName="accounts" oldColumnName="name" newColumnName="full_name"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        List<String> problems = check(call("open", changelog));
        assertTrue(problems.stream().anyMatch(p -> p.contains(">rename-column</a>")), problems.toString());
    }

    @Test
    void aPomIsNoMigrationAndGetsNothing() throws Exception {
        Path pom = write("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n");
        assertEquals(List.of(), check(call("open", pom)));
    }

    @Test
    void aCanceledProgressEndsTheCheckWithTheProcessCanceledException() throws Exception {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Path v4 = write("db/migration/V4__more.sql", "CREATE INDEX idx_more ON users (email);\n");
        String outcome = (String) call("checkCanceled", call("open", v4));
        assertTrue(outcome.startsWith("com.intellij.openapi.progress.ProcessCanceledException"), outcome);
        assertTrue(outcome.endsWith("|thrown inside Lifeguard's check"), outcome);
        assertFalse(check(call("open", v4)).isEmpty(), "the next check is complete");
    }
}
