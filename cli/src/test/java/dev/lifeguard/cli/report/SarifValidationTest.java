package dev.lifeguard.cli.report;

import dev.lifeguard.cli.TestProjects;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.engine.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Lifeguard's SARIF passes Microsoft's SARIF multitool with its GitHub rules, and the SARIF 2.1.0 schema. */
class SarifValidationTest {
    @TempDir
    Path dir;

    @Test
    void handBuiltFindingsPassTheMultitoolAndTheSchema() throws Exception {
        SarifMultitool multitool = SarifMultitool.require();
        Path root = Files.createDirectories(dir.resolve("project"));
        LintResult result = TestProjects.mixedResult(TestProjects.flywayRename(root));
        Path file = dir.resolve("out.sarif");
        Files.writeString(file, SarifReporterTest.sarif(result, SarifReporterTest.manyRules()));
        assertEquals(List.of(), multitool.validate(file));
        assertEquals(Set.of(), multitool.schemaErrors(file));
    }

    @Test
    void suppressedResultsPassTheMultitoolAndTheSchema() throws Exception {
        SarifMultitool multitool = SarifMultitool.require();
        LintResult result = TestProjects.suppressedRename(Files.createDirectories(dir.resolve("project")));
        Path file = dir.resolve("suppressed.sarif");
        Files.writeString(file, SarifReporterTest.sarif(result, BuiltinRules.all().stream().map(Rule::metadata).toList()));
        assertEquals(List.of(), multitool.validate(file));
        assertEquals(Set.of(), multitool.schemaErrors(file));
    }

    @Test
    void anEmptyRunWithTheBuiltinRulesPasses() throws Exception {
        SarifMultitool multitool = SarifMultitool.require();
        LintResult result = new LintResult(TestProjects.empty(dir), List.of(), 0);
        Path file = dir.resolve("empty.sarif");
        Files.writeString(file, SarifReporterTest.sarif(result, BuiltinRules.all().stream().map(Rule::metadata).toList()));
        assertEquals(List.of(), multitool.validate(file));
        assertEquals(Set.of(), multitool.schemaErrors(file));
    }

    /** The checks themselves must be able to fail: a broken log is caught by both. */
    @Test
    void theChecksCatchABrokenLog() throws Exception {
        SarifMultitool multitool = SarifMultitool.require();
        Path file = dir.resolve("broken.sarif");
        Files.writeString(file, """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                  "results": [{"ruleId": "r", "level": "fatal", "message": {"text": "m"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "/abs/path.sql"},
                      "region": {"startLine": 0}}}]}]}]}
                """);
        assertFalse(multitool.schemaErrors(file).isEmpty(), "schema errors expected");
        assertFalse(multitool.validate(file).isEmpty(), "multitool problems expected");
    }
}
