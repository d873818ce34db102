package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.suppress.SuppressionUse;

import java.util.List;
import java.util.Set;

/** What a rule about suppression comments sees, once per run, after every other rule's findings were matched. */
public final class SuppressionContext extends FindingSink {
    private final Project project;
    private final List<SuppressionUse> suppressions;
    private final Set<String> knownIds;
    private final Set<String> runningIds;

    SuppressionContext(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options, Project project,
                       List<SuppressionUse> suppressions, Set<String> knownIds, Set<String> runningIds) {
        super(rule, metadata, out, options);
        this.project = project;
        this.suppressions = suppressions;
        this.knownIds = knownIds;
        this.runningIds = runningIds;
    }

    public Project project() {
        return project;
    }

    /** Every suppression comment in the project, with the rule ids that suppressed a finding. */
    public List<SuppressionUse> suppressions() {
        return suppressions;
    }

    /** Whether a rule by this id exists (whether or not it runs). */
    public boolean isKnown(String ruleId) {
        return knownIds.contains(ruleId);
    }

    /** Whether the rule runs in this configuration: a comment for a disabled rule is not unused, only idle. */
    public boolean isRunning(String ruleId) {
        return runningIds.contains(ruleId);
    }
}
