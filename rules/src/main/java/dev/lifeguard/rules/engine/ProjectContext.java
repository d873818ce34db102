package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;

import java.util.List;

/** What a rule sees once per run: the whole project. */
public final class ProjectContext extends FindingSink {
    private final ReviewScope review;
    private final Project project;

    ProjectContext(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options, ReviewScope review,
                   Project project) {
        super(rule, metadata, out, options);
        this.review = review;
        this.project = project;
    }

    /** Which migrations the change under review is about (all of them without one). */
    public ReviewScope review() {
        return review;
    }

    public Project project() {
        return project;
    }
}
