package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-commit hook, tried with the real {@code pre-commit} and {@code git commit}, through the README's two
 * snippets as a new user would paste them:
 * <ul>
 *   <li>the {@code repo: local} entry for an installed Lifeguard (also what {@code lifeguard init --pre-commit}
 *       writes), with {@code lifeguard} on the PATH;</li>
 *   <li>the entry naming Lifeguard's repository, its URL pointed at a local repository holding this checkout's
 *       {@code .pre-commit-hooks.yaml} and launcher, so nothing is downloaded.</li>
 * </ul>
 * In both, a safe migration commits with its warning shown, and a dangerous one is refused with the finding
 * printed. The launcher runs the classes of this build (LIFEGUARD_CLASSPATH) rather than building its own jar.
 */
class PreCommitHookTest {
    static final String README_SECTION = "## Pre-commit";

    @TempDir
    Path dir;

    private Map<String, String> env;

    @Test
    void theInstalledEntryCommitsASafeChangeWithItsWarningAndRefusesADangerousOne() throws Exception {
        requireTools();
        env = isolatedEnvironment();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("lifeguard"), RepositoryFiles.root().resolve("lifeguard"));
        env.put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        Path app = Files.createDirectories(dir.resolve("app"));
        git(app, "init", "-q");
        Files.writeString(app.resolve(".pre-commit-config.yaml"), readmeSnippets().get(0));
        commitsSafeAndRefusesDangerous(app);
    }

    @Test
    void aStagedDangerousMigrationIsRefusedAndASafeOneIsCommitted() throws Exception {
        requireTools();
        env = isolatedEnvironment();

        String rev = hookRepository(dir.resolve("lifeguard"));
        Path app = Files.createDirectories(dir.resolve("app"));
        git(app, "init", "-q");
        Files.writeString(app.resolve(".pre-commit-config.yaml"), configFromReadme(dir.resolve("lifeguard"), rev));
        commitsSafeAndRefusesDangerous(app);

        // The staged change itself is checked: a migration already committed must not be edited.
        Path migrations = app.resolve("db/migration");
        Files.writeString(migrations.resolve("V1__create_users.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);\n");
        git(app, "add", migrations.resolve("V1__create_users.sql").toString());
        ExternalTools.Run edited = run(app, "git", "commit", "-q", "-m", "edit V1");
        assertNotEquals(0, edited.exitCode(), edited.output());
        assertTrue(edited.output().contains("error[edited-applied-migration]"), edited.output());
    }

    private static void requireTools() {
        ExternalTools.require("git", "apt-get install git");
        ExternalTools.require("pre-commit", ".ci/run installs it: apt-get install pre-commit");
    }

    /**
     * The first hour: the textbook safe ADD COLUMN commits, and its lock_timeout warning is on screen;
     * a rename is refused with the error and its help; an unstaged dangerous file is none of the commit's business.
     */
    private void commitsSafeAndRefusesDangerous(Path app) throws Exception {
        ExternalTools.Run install = run(app, "pre-commit", "install");
        assertEquals(0, install.exitCode(), install.output());

        Path migrations = Files.createDirectories(app.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_users.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
        ExternalTools.Run first = commit(app, "create users");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("lifeguard (migration safety)") && first.output().contains("Passed"), first.output());

        Path v2 = migrations.resolve("V2__add_phone.sql");
        Files.writeString(v2, "ALTER TABLE users ADD COLUMN phone text;\n");
        ExternalTools.Run safe = commit(app, "add phone");
        assertEquals(0, safe.exitCode(), safe.output());
        assertTrue(safe.output().contains("Passed"), safe.output());
        assertTrue(safe.output().contains("db/migration/V2__add_phone.sql:1:19: warning[missing-lock-timeout]"), safe.output());
        assertTrue(safe.output().contains("SET lock_timeout"), safe.output());
        assertEquals("2", git(app, "rev-list", "--count", "HEAD").output().strip());

        Path v3 = migrations.resolve("V3__rename_name.sql");
        Files.writeString(v3, "SET lock_timeout = '2s';\nALTER TABLE users RENAME COLUMN name TO full_name;\n");
        Files.writeString(migrations.resolve("V4__not_staged.sql"), "ALTER TABLE users RENAME TO people;\n");
        git(app, "add", v3.toString());
        ExternalTools.Run refused = run(app, "git", "commit", "-q", "-m", "rename name");
        assertNotEquals(0, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("Failed"), refused.output());
        assertTrue(refused.output().contains("db/migration/V3__rename_name.sql:2:19: error[rename-column]"), refused.output());
        // The staged file is judged with the history as context: the help knows name's type from V1.
        assertTrue(refused.output().contains("ADD COLUMN full_name text;"), refused.output());
        assertTrue(refused.output().contains("1 error in "), refused.output());
        assertFalse(refused.output().contains("V4__not_staged"), refused.output());
        assertEquals("2", git(app, "rev-list", "--count", "HEAD").output().strip(), "nothing was committed");
        Files.delete(migrations.resolve("V4__not_staged.sql"));
        git(app, "reset", "-q");
        Files.delete(v3);
    }

    /** The hook's file filter (a Python regex, here also valid Java) lets migrations through and little else. */
    @Test
    void theHookRunsOnMigrationFilesOnly() throws IOException {
        JsonNode hooks = new ObjectMapper(new YAMLFactory()).readTree(RepositoryFiles.root().resolve(".pre-commit-hooks.yaml").toFile());
        assertEquals(2, hooks.size());
        JsonNode hook = hooks.get(0);
        assertEquals("lifeguard", hook.path("id").asText());
        assertEquals("script", hook.path("language").asText());
        assertTrue(Files.isExecutable(RepositoryFiles.root().resolve(hook.path("entry").asText().split(" ")[0])));
        JsonNode system = hooks.get(1);
        assertEquals("lifeguard-system", system.path("id").asText());
        assertEquals("system", system.path("language").asText());
        // init's local entry, the installed hook and the source hook agree on what runs, when, and what shows
        JsonNode local = new ObjectMapper(new YAMLFactory()).readTree(dev.lifeguard.cli.init.PreCommitConfig.NEW_FILE)
                .at("/repos/0/hooks/0");
        for (JsonNode h : List.of(hook, system, local)) {
            assertEquals(dev.lifeguard.cli.init.PreCommitConfig.ENTRY, h.path("entry").asText());
            assertEquals(dev.lifeguard.cli.init.PreCommitConfig.FILES, h.path("files").asText());
            assertTrue(h.path("verbose").asBoolean() && h.path("require_serial").asBoolean(), h.toString());
            assertFalse(h.path("pass_filenames").asBoolean(true), h.toString());
        }
        Pattern files = Pattern.compile(hook.path("files").asText());
        for (String path : List.of("db/migration/V1__users.sql", "V2__X.SQL", "src/main/resources/db/changelog/db.changelog-master.yaml",
                "liquibase/changes/001.json", "migrations/20240101_add.xml", "changelog-2.yml")) {
            assertTrue(files.matcher(path).find(), path);
        }
        for (String path : List.of("pom.xml", ".github/workflows/ci.yml", "package.json", "src/main/resources/application.yml")) {
            assertFalse(files.matcher(path).find(), path);
        }
    }

    /** The README's snippet naming Lifeguard's repository, with its URL and rev pointed at the local hook repository. */
    private static String configFromReadme(Path repository, String rev) throws IOException {
        String config = readmeSnippets().get(1);
        assertTrue(config.contains("- id: lifeguard"), config);
        config = replaceOnce(config, "(?m)^(\\s*- repo:\\s*)\\S+", repository.toString());
        return replaceOnce(config, "(?m)^(\\s*rev:\\s*)\\S+", rev);
    }

    /** The first yaml block of the README's pre-commit section: the entry for an installed Lifeguard. */
    static String readmeSnippet() throws IOException {
        return readmeSnippets().get(0);
    }

    /** The yaml blocks of the README's pre-commit section. */
    static List<String> readmeSnippets() throws IOException {
        String readme = Files.readString(RepositoryFiles.root().resolve("README.md"));
        int section = readme.indexOf("\n" + README_SECTION + "\n");
        assertTrue(section >= 0, "README.md has no '" + README_SECTION + "' section");
        int end = readme.indexOf("\n## ", section + 1);
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(section, end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(2, blocks.size(), "the README's pre-commit section shows two entries");
        return blocks;
    }

    private static String replaceOnce(String text, String regex, String value) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in\n" + text);
        return text.substring(0, m.end(1)) + value + text.substring(m.end());
    }

    /** A git repository with the checkout's hook definitions and launcher, as a team would reference Lifeguard's. */
    private String hookRepository(Path repo) throws Exception {
        Files.createDirectories(repo);
        Path checkout = RepositoryFiles.root();
        for (String file : List.of(".pre-commit-hooks.yaml", "lifeguard", "cli/src/main/dist/bin/lifeguard")) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.copy(checkout.resolve(file), repo.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "Lifeguard hook");
        return git(repo, "rev-parse", "HEAD").output().strip();
    }

    private ExternalTools.Run commit(Path app, String message) throws Exception {
        git(app, "add", "-A");
        return run(app, "git", "commit", "-q", "-m", message);
    }

    private ExternalTools.Run git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ExternalTools.Run r = ExternalTools.run(directory, env, command);
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.output());
        return r;
    }

    private ExternalTools.Run run(Path directory, String... command) throws Exception {
        return ExternalTools.run(directory, env, List.of(command));
    }

    /**
     * No user or system git configuration (a global hooksPath or signing would change the outcome), pre-commit's
     * store in the temp directory, and git allowed only local repositories, so nothing is fetched from a network.
     */
    private Map<String, String> isolatedEnvironment() throws IOException {
        Map<String, String> e = new HashMap<>();
        e.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        e.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
        e.put("XDG_CACHE_HOME", dir.resolve("home/.cache").toString());
        e.put("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString());
        e.put("PRE_COMMIT_COLOR", "never");
        e.put("GIT_CONFIG_NOSYSTEM", "1");
        e.put("GIT_ALLOW_PROTOCOL", "file");
        e.put("GIT_AUTHOR_NAME", "Test");
        e.put("GIT_AUTHOR_EMAIL", "test@example.com");
        e.put("GIT_COMMITTER_NAME", "Test");
        e.put("GIT_COMMITTER_EMAIL", "test@example.com");
        e.put("NO_COLOR", "1");
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.put("LIFEGUARD_CLASSPATH", System.getProperty("java.class.path"));
        return e;
    }
}
