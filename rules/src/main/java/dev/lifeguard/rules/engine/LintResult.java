package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.rules.Finding;

import java.util.List;

/** The findings of one run, sorted by file and position, and what was checked. */
public record LintResult(Project project, List<Finding> findings, int migrationsChecked) {

    public LintResult {
        findings = List.copyOf(findings);
    }

    public long filesChecked() {
        return project.sources().size();
    }
}
