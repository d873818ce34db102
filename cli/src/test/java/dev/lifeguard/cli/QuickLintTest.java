package dev.lifeguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picocli-free reading of 'lint' agrees with picocli's, and leaves everything else to it. */
class QuickLintTest {
    @TempDir
    Path dir;

    private final Streams streams = new Streams(System.out, System.err);

    @Test
    void readsWhatPicocliReads() {
        for (List<String> args : List.of(
                List.of("lint"),
                List.of("lint", "db", "more/V1__x.sql"),
                List.of("lint", "--staged", "--fail-on", "error"),
                List.of("lint", ".", "--format", "SARIF", "-o", "out.sarif", "--category", "pg/x"),
                List.of("lint", "--format=json", "--output=r.json", "--dialect=mysql", "db"),
                List.of("lint", "--exclude", "a/**", "--exclude", "b/*.sql", "--target-version", "11", "--config", "c.yml"),
                List.of("lint", "--since", "origin/main", "--baseline", "base.json", "--", "--odd-name.sql"),
                List.of("lint", "--fail-on", "warning", "--fail-on", "error"))) {
            String[] a = args.toArray(String[]::new);
            LintCommand quick = new LintCommand(streams, environment(), LintRunner.PROJECT_LOADER);
            assertTrue(QuickLint.read(a, quick), args.toString());
            assertEquals(describe(picocli(a)), describe(quick), args.toString());
        }
    }

    @Test
    void leavesHelpMistakesAndTheRestToPicocli() {
        for (List<String> args : List.of(
                List.of("lint", "--help"), List.of("lint", "-h"), List.of("lint", "--version"),
                List.of("lint", "--bogus"), List.of("lint", "--format"), List.of("lint", "--format", "yaml"),
                List.of("lint", "--dialect", "db2"), List.of("lint", "--code", "src", "db"), List.of("lint", "@args.txt"),
                List.of("lint", "-ojson"), List.of("rules"), List.of("lin"), List.<String>of())) {
            LintCommand quick = new LintCommand(streams, environment(), LintRunner.PROJECT_LOADER);
            String[] a = args.toArray(String[]::new);
            assertFalse(!args.isEmpty() && args.get(0).equals("lint") && QuickLint.read(a, quick), args.toString());
            assertEquals(Optional.empty(), QuickLint.run(a, streams, environment(), o -> {
                throw new AssertionError("not read by QuickLint");
            }), args.toString());
        }
    }

    @Test
    void usageErrorsReadTheSameAsPicocliReportsThem() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Streams captured = new Streams(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Optional<Integer> code = QuickLint.run(new String[] {"lint", "missing-dir"}, captured, environment(),
                LintRunner.PROJECT_LOADER);
        assertEquals(Optional.of(2), code);
        CliRun picocli = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "lint", "missing-dir");
        assertEquals(picocli.err(), err.toString(StandardCharsets.UTF_8));
    }

    private Environment environment() {
        return new Environment(dir, Map.of(), false);
    }

    private LintCommand picocli(String[] args) {
        CommandLine cl = LifeguardCommand.commandLine(streams, environment());
        CommandLine.ParseResult result = cl.parseArgs(args);
        return (LintCommand) result.subcommand().commandSpec().userObject();
    }

    private static String describe(LintCommand c) {
        return String.join("|", String.valueOf(c.project.paths), String.valueOf(c.project.dialect),
                String.valueOf(c.project.excludes), String.valueOf(c.project.code), String.valueOf(c.project.targetVersion),
                String.valueOf(c.project.configFile), String.valueOf(c.report.format), String.valueOf(c.report.output),
                String.valueOf(c.report.failOn), String.valueOf(c.report.category), String.valueOf(c.change.since),
                String.valueOf(c.change.staged),
                String.valueOf(c.baseline));
    }
}
