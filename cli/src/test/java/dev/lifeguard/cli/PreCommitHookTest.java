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
 * The pre-commit hook, tried with the real {@code pre-commit} and {@code git commit}: a repository adds
 * Lifeguard with the README's snippet (its URL pointed at a local repository holding this checkout's
 * {@code .pre-commit-hooks.yaml} and launcher, so nothing is downloaded), a staged dangerous migration is
 * refused with the finding printed, and a safe one is committed.
 * The launcher runs the classes of this build (LIFEGUARD_CLASSPATH) rather than building its own jar.
 */
class PreCommitHookTest {
    static final String README_SECTION = "## Pre-commit";

    @TempDir
    Path dir;

    private Map<String, String> env;

    @Test
    void aStagedDangerousMigrationIsRefusedAndASafeOneIsCommitted() throws Exception {
        ExternalTools.require("git", "apt-get install git");
        ExternalTools.require("pre-commit", ".ci/run installs it: apt-get install pre-commit");
        env = isolatedEnvironment();

        String rev = hookRepository(dir.resolve("lifeguard"));
        Path app = Files.createDirectories(dir.resolve("app"));
        git(app, "init", "-q");
        Files.writeString(app.resolve(".pre-commit-config.yaml"), configFromReadme(dir.resolve("lifeguard"), rev));
        ExternalTools.Run install = run(app, "pre-commit", "install");
        assertEquals(0, install.exitCode(), install.output());

        Path migrations = Files.createDirectories(app.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_users.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
        ExternalTools.Run first = commit(app, "create users");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("lifeguard (migration safety)") && first.output().contains("Passed"), first.output());

        Path v2 = migrations.resolve("V2__rename_name.sql");
        Files.writeString(v2, "SET lock_timeout = '2s';\nALTER TABLE users RENAME COLUMN name TO full_name;\n");
        ExternalTools.Run refused = commit(app, "rename name");
        assertNotEquals(0, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("Failed"), refused.output());
        assertTrue(refused.output().contains("db/migration/V2__rename_name.sql:2:19: error[rename-column]"), refused.output());
        // The staged file is judged with the history as context: the help knows name's type from V1.
        assertTrue(refused.output().contains("ADD COLUMN full_name text;"), refused.output());
        assertTrue(refused.output().contains("1 error in "), refused.output());
        assertEquals("1", git(app, "rev-list", "--count", "HEAD").output().strip(), "nothing was committed");

        // The safe alternative passes; a dangerous file that is not staged is none of this commit's business.
        Files.writeString(v2, "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN full_name text;\n");
        Files.writeString(migrations.resolve("V3__not_staged.sql"), "ALTER TABLE users RENAME TO people;\n");
        git(app, "add", v2.toString());
        ExternalTools.Run passed = run(app, "git", "commit", "-q", "-m", "add full_name");
        assertEquals(0, passed.exitCode(), passed.output());
        assertTrue(passed.output().contains("Passed"), passed.output());
        assertEquals("2", git(app, "rev-list", "--count", "HEAD").output().strip());

        // The staged change itself is checked: a migration already committed must not be edited.
        Files.writeString(migrations.resolve("V1__create_users.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);\n");
        git(app, "add", migrations.resolve("V1__create_users.sql").toString());
        ExternalTools.Run edited = run(app, "git", "commit", "-q", "-m", "edit V1");
        assertNotEquals(0, edited.exitCode(), edited.output());
        assertTrue(edited.output().contains("error[edited-applied-migration]"), edited.output());
    }

    /** The hook's file filter (a Python regex, here also valid Java) lets migrations through and little else. */
    @Test
    void theHookRunsOnMigrationFilesOnly() throws IOException {
        JsonNode hooks = new ObjectMapper(new YAMLFactory()).readTree(RepositoryFiles.root().resolve(".pre-commit-hooks.yaml").toFile());
        assertEquals(1, hooks.size());
        JsonNode hook = hooks.get(0);
        assertEquals("lifeguard", hook.path("id").asText());
        assertEquals("script", hook.path("language").asText());
        assertTrue(Files.isExecutable(RepositoryFiles.root().resolve(hook.path("entry").asText().split(" ")[0])));
        Pattern files = Pattern.compile(hook.path("files").asText());
        for (String path : List.of("db/migration/V1__users.sql", "V2__X.SQL", "src/main/resources/db/changelog/db.changelog-master.yaml",
                "liquibase/changes/001.json", "migrations/20240101_add.xml", "changelog-2.yml")) {
            assertTrue(files.matcher(path).find(), path);
        }
        for (String path : List.of("pom.xml", ".github/workflows/ci.yml", "package.json", "src/main/resources/application.yml")) {
            assertFalse(files.matcher(path).find(), path);
        }
    }

    /** The README's snippet, with its URL and rev pointed at the local hook repository. */
    private static String configFromReadme(Path repository, String rev) throws IOException {
        String config = readmeSnippet();
        assertTrue(config.contains("- id: lifeguard"), config);
        config = replaceOnce(config, "(?m)^(\\s*- repo:\\s*)\\S+", repository.toString());
        return replaceOnce(config, "(?m)^(\\s*rev:\\s*)\\S+", rev);
    }

    /** The first yaml block of the README's pre-commit section. */
    static String readmeSnippet() throws IOException {
        String readme = Files.readString(RepositoryFiles.root().resolve("README.md"));
        int section = readme.indexOf("\n" + README_SECTION + "\n");
        assertTrue(section >= 0, "README.md has no '" + README_SECTION + "' section");
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(section), "no yaml block in the README's pre-commit section");
        return m.group(1);
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
        for (String file : List.of(".pre-commit-hooks.yaml", "lifeguard")) {
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
