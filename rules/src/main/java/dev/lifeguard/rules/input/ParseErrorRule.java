package dev.lifeguard.rules.input;

import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.MigrationContext;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.engine.ProjectContext;

import java.util.List;

@RuleInfo(
        id = "parse-error",
        summary = "A statement the SQL parser cannot read is skipped, never silently",
        severity = Severity.NOTE,
        tags = {"input"},
        help = "Check the statement by hand; if the database accepts it, suppress this note with a lifeguard:ignore parse-error comment")
public final class ParseErrorRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.operation() instanceof Operation.Unparsed u) {
            report(ctx, u, "");
        }
    }

    /**
     * Code files the code rules read (only when a drop or rename asked for the index) but could not index: too
     * large, or nested too deeply. Said once each, after every rule has run.
     */
    @Override
    public void visitProject(ProjectContext ctx) {
        for (LoadProblem problem : ctx.project().code().problems()) {
            ctx.report(problem.span(), "not checked: " + problem.message());
        }
    }

    /** Reverse scripts are not judged for hazards, but what they hold that nobody could read is still said. */
    @Override
    public void visitMigration(MigrationContext ctx) {
        for (Operation op : ctx.migration().reverse().operations()) {
            if (op instanceof Operation.Unparsed u) {
                report(ctx, u, " (in the reverse of " + ctx.migration().id() + ")");
            }
        }
    }

    private static void report(MigrationContext ctx, Operation.Unparsed u, String where) {
        ctx.report(u.span(), "not checked: " + u.reason() + where, null, null, List.of());
    }
}
