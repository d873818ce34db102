package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.docs.RuleDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), o -> TestProjects.flywayRename(o.root()), args);
    }

    private CliRun runWith(LintRunner.Loader loader, Map<String, String> env, String... args) {
        return CliRun.run(dir, env, loader, args);
    }

    @Test
    void versionIsPrinted() {
        CliRun r = run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("lifeguard \\d+\\.\\d+\\.\\d+.*\\R"), r.out());
    }

    @Test
    void mainRunsWithInjectedStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"rules"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("rename-column"));
    }

    @Test
    void noCommandShowsUsageAndExitsWithTwo() {
        CliRun r = run();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Usage: lifeguard"), r.err());
        assertEquals("", r.out());
        for (String command : List.of("lint", "baseline", "rules", "explain", "init", "lsp", "help")) {
            assertTrue(r.err().lines().anyMatch(l -> l.strip().startsWith(command + " ")), command + " in " + r.err());
        }
    }

    @Test
    void helpListsTheCommandsAndHelpOnACommandItsOptions() {
        CliRun all = run("help");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("Commands:") && all.out().contains("explain"), all.out());
        CliRun lint = run("help", "lint");
        assertEquals(0, lint.exitCode(), lint.err());
        assertTrue(lint.out().contains("Usage: lifeguard lint") && lint.out().contains("--fail-on"), lint.out());
        CliRun unknown = run("help", "lnt");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("lnt"), unknown.err());
    }

    @Test
    void lifeguardYmlSaysTheDeploymentSetsTheLockTimeout() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("V2__phone.sql"), "ALTER TABLE users ADD COLUMN phone text;\n");
        CliRun without = runWith(LintRunner.PROJECT_LOADER, Map.of(), "lint", ".", "--dialect", "postgresql");
        assertEquals(1, without.exitCode(), without.err());
        assertTrue(without.out().contains("warning[missing-lock-timeout]"), without.out());
        assertTrue(without.out().contains("lock-timeout: 2s in lifeguard.yml"), without.out());
        Files.writeString(dir.resolve("lifeguard.yml"), "lock-timeout: 5s\n");
        CliRun stated = runWith(LintRunner.PROJECT_LOADER, Map.of(), "lint", ".", "--dialect", "postgresql");
        assertEquals(0, stated.exitCode(), stated.out() + stated.err());
        Files.writeString(dir.resolve("lifeguard.yml"), "lock-timeout: soon\n");
        CliRun bad = runWith(LintRunner.PROJECT_LOADER, Map.of(), "lint", ".");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("lifeguard.yml:1: lock-timeout: expected a duration such as 5s"), bad.err());
    }

    @Test
    void textFindingsLinkTheirPageAndNameExplain() throws Exception {
        CliRun r = run("lint", ".");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("docs: https://github.com/lifeguard-dev/lifeguard/blob/")
                && r.out().contains("/docs/rules/rename-column.md (or: lifeguard explain rename-column)"), r.out());
        Files.writeString(dir.resolve("lifeguard.yml"), "docs-url: https://wiki.example.com/lifeguard/\n");
        CliRun configured = run("lint", ".");
        assertTrue(configured.out().contains("docs: https://wiki.example.com/lifeguard/rename-column.md"), configured.out());
        Files.writeString(dir.resolve("lifeguard.yml"), "docs-url: wiki\n");
        CliRun bad = run("lint", ".");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("lifeguard.yml:1: docs-url: expected an http(s):// or file:// address"), bad.err());
        Files.delete(dir.resolve("lifeguard.yml"));
        CliRun env = runWith(o -> TestProjects.flywayRename(o.root()), Map.of("LIFEGUARD_DOCS_URL", "https://env.example.com"),
                "lint", ".");
        assertTrue(env.out().contains("docs: https://env.example.com/rename-column.md"), env.out());
    }

    @Test
    void rootHelpDocumentsExitCodes() {
        CliRun r = run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("findings at or above --fail-on"), r.out());
        assertTrue(r.out().contains("lint") && r.out().contains("explain") && r.out().contains("rules"), r.out());
    }

    @Test
    void lintHelpListsItsOptions() {
        CliRun r = run("lint", "--help");
        assertEquals(0, r.exitCode());
        for (String option : List.of("--format", "--output", "--dialect", "--fail-on", "--exclude", ".git")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
    }

    @Test
    void unknownFlagIsOneLineAndAHint() {
        CliRun r = run("lint", "--bogus");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lifeguard: Unknown option: '--bogus' (try 'lifeguard lint --help')"), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void mistypedCommandGetsASuggestion() {
        CliRun r = run("lnt");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lifeguard: Unmatched argument at index 0: 'lnt' (did you mean 'lint'?)"
                + " (try 'lifeguard --help')"), r.errLines());
        CliRun option = run("lint", "--fail-of", "error");
        assertTrue(option.errLines().get(0).endsWith("(did you mean '--fail-on'?) (try 'lifeguard lint --help')"),
                option.err());
    }

    @Test
    void badValuesNameTheAllowedOnes() {
        CliRun format = run("lint", "--format", "xml");
        assertEquals(2, format.exitCode());
        assertEquals(1, format.errLines().size(), format.err());
        assertTrue(format.err().contains("expected one of text, json, sarif, github but was 'xml'"), format.err());

        CliRun dialect = run("lint", "--dialect", "db2");
        assertEquals(2, dialect.exitCode());
        assertTrue(dialect.err().contains("postgresql, mysql, mariadb, oracle, sqlserver, h2, generic"), dialect.err());

        CliRun failOn = run("lint", "--fail-on", "sometimes");
        assertEquals(2, failOn.exitCode());
        assertTrue(failOn.err().contains("expected one of error, warning, never"), failOn.err());
    }

    @Test
    void valuesAreAcceptedInAnyCaseAndDialectAliases() {
        assertEquals(1, run("lint", "--format", "JSON", "--dialect", "postgres").exitCode());
    }

    @Test
    void missingPathIsAUsageError() {
        CliRun r = run("lint", "no/such/dir");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lifeguard: no such file or directory: no/such/dir (try 'lifeguard lint --help')"),
                r.errLines());
    }

    @Test
    void unwritableOutputIsAUsageError() {
        CliRun r = run("lint", "--output", "missing-dir/report.json");
        assertEquals(2, r.exitCode());
        assertTrue(r.errLines().get(0).startsWith("lifeguard: cannot write "), r.err());
        assertTrue(r.errLines().get(0).endsWith("report.json: no such directory (try 'lifeguard lint --help')"), r.err());
    }

    @Test
    void loadExceptionIsItsMessage() {
        CliRun r = runWith(o -> {
            throw new LoadException("path outside the project root: /etc");
        }, Map.of(), "lint");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lifeguard: path outside the project root: /etc"), r.errLines());
    }

    @Test
    void unexpectedExceptionIsOneLineWithoutStackTrace() {
        CliRun r = runWith(o -> {
            throw new IllegalStateException("boom");
        }, Map.of(), "lint");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lifeguard: internal error: boom (set LIFEGUARD_DEBUG=1 to see the stack trace)"),
                r.errLines());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun r = runWith(o -> {
            throw new IllegalStateException("boom");
        }, Map.of("LIFEGUARD_DEBUG", "1"), "lint");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void rulesListsIdSeveritySummary() {
        CliRun r = run("rules");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("rename-column\\s+error\\s+Renaming a column.*")), r.out());
        assertTrue(r.out().startsWith("ID"), r.out());
    }

    @Test
    void explainPrintsTheRulePage() {
        CliRun r = run("explain", "rename-column");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("# rename-column\n"), r.out());
        RuleMetadata rule = BuiltinRules.all().stream().map(Rule::metadata).filter(m -> m.id().equals("rename-column"))
                .findFirst().orElseThrow();
        assertTrue(RuleDocs.markdown(rule).endsWith(r.out()), "the docs page less its generator banner");
        assertTrue(r.out().contains("## Safe alternative"), r.out());
    }

    @Test
    void explainSuggestsTheClosestRule() {
        CliRun r = run("explain", "rename-colum");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lifeguard: unknown rule 'rename-colum' (did you mean 'rename-column'?)"
                + " (try 'lifeguard rules' for the list of rules)"), r.errLines());
    }

    @Test
    void explainWithoutRuleIsAUsageError() {
        CliRun r = run("explain");
        assertEquals(2, r.exitCode());
        assertTrue(r.errLines().get(0).startsWith("lifeguard: Missing required parameter"), r.err());
    }

    @Test
    void outputFileGetsTheReportAndStdoutStaysEmpty() throws Exception {
        CliRun r = run("lint", "--format", "json", "--output", "report.json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"ruleId\" : \"rename-column\""));
    }
}
