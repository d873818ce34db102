package dev.lifeguard.cli.report;

import dev.lifeguard.rules.RuleMetadata;

import java.nio.file.Path;
import java.util.List;

/**
 * What reporters need besides the findings.
 *
 * @param toolVersion      Lifeguard's version
 * @param rules            every rule that ran, in registry order (SARIF lists them all; ruleIndex points here)
 * @param workingDirectory text output names files relative to it, so a terminal can open them
 * @param colour           whether text output may use ANSI colour
 * @param docs             where rule pages are read (findings and SARIF rules link there)
 */
public record ReportContext(String toolVersion, List<RuleMetadata> rules, Path workingDirectory, boolean colour,
                            DocsSite docs) {

    public ReportContext {
        rules = List.copyOf(rules);
        docs = docs == null ? DocsSite.forVersion(toolVersion) : docs;
    }

    /** Rule pages at the default address for the version. */
    public ReportContext(String toolVersion, List<RuleMetadata> rules, Path workingDirectory, boolean colour) {
        this(toolVersion, rules, workingDirectory, colour, null);
    }
}
