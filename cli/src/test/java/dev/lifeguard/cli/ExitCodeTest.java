package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes 0 and 1 against --fail-on, on a real engine run and on hand-built findings. */
class ExitCodeTest {
    @TempDir
    Path dir;

    private int lint(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(dir, Map.of(), o -> TestProjects.flywayRename(o.root()), all).exitCode();
    }

    @Test
    void anErrorFailsByDefaultAndAtError() {
        assertEquals(1, lint());
        assertEquals(1, lint("--fail-on", "warning"));
        assertEquals(1, lint("--fail-on", "error"));
    }

    @Test
    void neverNeverFails() {
        assertEquals(0, lint("--fail-on", "never"));
    }

    @Test
    void nothingFoundExitsWithZero() {
        assertEquals(0, CliRun.run(dir, Map.of(), o -> TestProjects.empty(o.root()), "lint").exitCode());
    }

    @Test
    void thresholdsPerSeverity() {
        LintResult mixed = TestProjects.mixedResult(TestProjects.flywayRename(dir));
        List<Finding> notes = only(mixed, Severity.NOTE);
        List<Finding> warnings = only(mixed, Severity.WARNING);
        List<Finding> errors = only(mixed, Severity.ERROR);

        assertFalse(FailOn.WARNING.failsOn(notes), "notes never fail");
        assertFalse(FailOn.ERROR.failsOn(notes));
        assertTrue(FailOn.WARNING.failsOn(warnings));
        assertFalse(FailOn.ERROR.failsOn(warnings));
        assertTrue(FailOn.ERROR.failsOn(errors));
        assertFalse(FailOn.NEVER.failsOn(mixed.findings()));
    }

    @Test
    void suppressedFindingsNeverFail() throws Exception {
        LintResult result = TestProjects.suppressedRename(dir);
        Finding rename = result.findings().stream().filter(f -> f.ruleId().equals("rename-column")).findFirst().orElseThrow();
        assertTrue(rename.isSuppressed());
        assertFalse(FailOn.ERROR.failsOn(List.of(rename)), "a suppressed error does not fail at error");
        assertTrue(FailOn.WARNING.failsOn(result.findings()), "the unsuppressed drop-column warning still fails");
        assertEquals(0, CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "lint", "--fail-on", "error", "db").exitCode());
        assertEquals(1, CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "lint", "db").exitCode());
    }

    private static List<Finding> only(LintResult result, Severity severity) {
        return result.findings().stream().filter(f -> f.severity() == severity).toList();
    }
}
