package dev.lifeguard.cli;

import dev.lifeguard.cli.init.PreCommitConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitCommandTest {
    @TempDir
    Path root;

    private CliRun init(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "init";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(root, Map.of(), LintRunner.PROJECT_LOADER, all);
    }

    private void flywayProject() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        Path db = Files.createDirectories(root.resolve("src/main/resources/db/migration"));
        Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.createDirectories(root.resolve("src/main/java/com/example"));
    }

    @Test
    void writesAStarterConfigFromWhatItFinds() throws IOException {
        flywayProject();
        CliRun r = init();
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("wrote lifeguard.yml: 1 migration directory found\n", r.out());
        assertEquals("""
                # Lifeguard configuration, written by 'lifeguard init'. Paths are relative to this file.
                # dialect: postgresql   # not detected (Lifeguard assumes postgresql): set the database you deploy to
                # target-version: "15"          # the oldest version you deploy to; quote it
                migrations:
                  - src/main/resources/db/migration
                # code: [src/main]                  # default: the src/main trees beside the migrations
                # exclude: ["db/migration/legacy/**"]
                # start-after: "41"                # migrations up to this version are deployed: read, not reported
                # deploy: migrations-at-startup    # or migrations-first, or separate (code may start before its migrations)
                # liquibase:                       # which changeSets an update runs (default: all)
                #   contexts: prod
                #   label-filter: "!experimental"
                # rules:
                #   drop-column: error             # off | on | error | warning | note
                #   missing-reverse: off
                """, Files.readString(root.resolve("lifeguard.yml")));
        // The configured paths are what lint finds.
        CliRun lint = CliRun.run(root, Map.of(), LintRunner.PROJECT_LOADER, "lint", "src/main/resources/db/migration");
        assertEquals(0, lint.exitCode(), lint.out() + lint.err());
    }

    @Test
    void neverOverwritesAConfigWithoutForce() throws IOException {
        flywayProject();
        Files.writeString(root.resolve("lifeguard.yml"), "dialect: mysql\n");
        CliRun r = init();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("lifeguard: lifeguard.yml already exists"), r.err());
        assertEquals("dialect: mysql\n", Files.readString(root.resolve("lifeguard.yml")));
        assertEquals(0, init("--force").exitCode());
        assertTrue(Files.readString(root.resolve("lifeguard.yml")).contains("# dialect: postgresql"));
    }

    @Test
    void neverMakesThingsWorse() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        for (String vendor : new String[]{"postgresql", "mysql"}) {
            Path db = Files.createDirectories(root.resolve("src/main/resources/db/migration/" + vendor));
            Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        }
        Path test = Files.createDirectories(root.resolve("src/test/resources/db/migration"));
        Files.writeString(test.resolve("V1__fixture.sql"), "CREATE TABLE fixture (id int);\n");
        Path suite = Files.createDirectories(root.resolve("integTest/testsuite/db/changelog"));
        Files.writeString(suite.resolve("changelog.xml"), "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"/>\n");
        Files.writeString(root.resolve("dump.sql"), "CREATE TABLE dump (id int);\n");
        Files.writeString(Files.createDirectories(root.resolve("src/main/resources")).resolve("application.yml"),
                "spring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n");
        Files.createDirectories(root.resolve("src/main/java/com/example"));
        assertEquals(0, init().exitCode());
        String config = Files.readString(root.resolve("lifeguard.yml"));
        assertTrue(config.contains("# dialect: not set: the migration directories name their own databases (postgresql, mysql)"),
                "a dialect: would override the per-directory one\n" + config);
        assertTrue(config.contains("""
                migrations:
                  - src/main/resources/db/migration/mysql
                  - src/main/resources/db/migration/postgresql
                # code:"""), "no test or fixture tree, no loose dump; code: left to the default\n" + config);
        // what init wrote still lets app-managed-schema see application.yml
        CliRun lint = CliRun.run(root, Map.of(), LintRunner.PROJECT_LOADER, "lint", "--format", "json");
        assertTrue(lint.out().contains("\"app-managed-schema\""), lint.out() + lint.err());
    }

    @Test
    void writesADetectedDialect() throws IOException {
        flywayProject();
        Files.writeString(root.resolve("src/main/resources/application.properties"),
                "spring.datasource.url=jdbc:mysql://db/shop\n");
        assertEquals(0, init().exitCode());
        assertTrue(Files.readString(root.resolve("lifeguard.yml")).contains(
                "dialect: mysql   # detected: jdbc:mysql: in src/main/resources/application.properties"));
    }

    @Test
    void writesThePreCommitConfigTheReadmeShows() throws IOException {
        flywayProject();
        CliRun r = init("--pre-commit");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(PreCommitConfig.NEW_FILE, Files.readString(root.resolve(".pre-commit-config.yaml")));
        assertEquals(PreCommitHookTest.readmeSnippet(), PreCommitConfig.NEW_FILE, "README.md's pre-commit snippet");
        // A second run keeps both files.
        CliRun again = init("--pre-commit");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("kept lifeguard.yml") && again.out().contains("already runs the lifeguard hook"), again.out());
        assertEquals(PreCommitConfig.NEW_FILE, Files.readString(root.resolve(".pre-commit-config.yaml")));
    }

    @Test
    void appendsToAnExistingPreCommitConfigInItsOwnIndentation() throws IOException {
        flywayProject();
        String existing = """
                # team hooks
                default_stages: [pre-commit]
                repos:
                -   repo: https://github.com/pre-commit/pre-commit-hooks
                    rev: v4.6.0
                    hooks:
                    -   id: trailing-whitespace   # keep this comment

                ci:
                    autofix_prs: false
                """;
        Files.writeString(root.resolve(".pre-commit-config.yaml"), existing);
        CliRun r = init("--pre-commit");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                # team hooks
                default_stages: [pre-commit]
                repos:
                -   repo: https://github.com/pre-commit/pre-commit-hooks
                    rev: v4.6.0
                    hooks:
                    -   id: trailing-whitespace   # keep this comment
                - repo: local
                  hooks:
                    - id: lifeguard
                      name: lifeguard (migration safety)
                      # the lifeguard command on the PATH: fails the commit on errors, shows warnings
                      entry: lifeguard lint --staged --fail-on error
                      language: system
                      pass_filenames: false
                      verbose: true
                      require_serial: true
                      files: '(?i)(\\.sql$|(^|/)(db|migrations?|changelogs?|liquibase)/.*\\.(xml|ya?ml|json)$|changelog[^/]*\\.(xml|ya?ml|json)$)'

                ci:
                    autofix_prs: false
                """, Files.readString(root.resolve(".pre-commit-config.yaml")));
    }

    @Test
    void showsTheEntryRatherThanRiskAFileItCannotEdit() throws IOException {
        flywayProject();
        String flow = "repos: [{repo: meta, hooks: [{id: check-useless-excludes}]}]\n";
        Files.writeString(root.resolve(".pre-commit-config.yaml"), flow);
        CliRun r = init("--pre-commit");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("add this under repos: yourself") && r.err().contains("- id: lifeguard"), r.err());
        assertEquals(flow, Files.readString(root.resolve(".pre-commit-config.yaml")));
    }
}
