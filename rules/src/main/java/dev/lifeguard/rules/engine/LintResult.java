package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.rules.Finding;

import java.util.List;

/**
 * The findings of one run, sorted by file and position, and what was checked. Suppressed findings are
 * among the findings, marked ({@link Finding#isSuppressed()}); findings already in a baseline are not,
 * only counted in {@code baselined}.
 */
public record LintResult(Project project, List<Finding> findings, int migrationsChecked, int baselined) {

    public LintResult {
        findings = List.copyOf(findings);
    }

    public LintResult(Project project, List<Finding> findings, int migrationsChecked) {
        this(project, findings, migrationsChecked, 0);
    }

    public long filesChecked() {
        return project.sources().size();
    }
}
