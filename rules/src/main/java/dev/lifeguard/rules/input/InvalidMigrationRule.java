package dev.lifeguard.rules.input;

import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.ProjectContext;

@RuleInfo(
        id = "invalid-migration",
        summary = "A migration file that cannot be read, so nothing in it is checked",
        severity = Severity.ERROR,
        tags = {"input"},
        help = "Fix the file so the migration tool can read it (well-formed XML/YAML, known change types, includes that exist inside the project)")
public final class InvalidMigrationRule implements Rule {

    @Override
    public void visitProject(ProjectContext ctx) {
        for (LoadProblem problem : ctx.project().problems()) {
            ctx.report(problem.span(), problem.message());
        }
    }
}
