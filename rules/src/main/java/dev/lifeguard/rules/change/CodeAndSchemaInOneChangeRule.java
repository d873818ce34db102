package dev.lifeguard.rules.change;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.ProjectContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One change ships both a migration and the application code. Deployed together, the new code runs
 * against the old schema while the migration is pending (or the old code against the new schema during
 * a rolling deploy): expand / contract needs them in separate deploys. Runs only when there is a change
 * under review ({@code --since}, {@code --staged}).
 */
@RuleInfo(
        id = "code-and-schema-in-one-change",
        summary = "One change touches both migrations and application code",
        severity = Severity.WARNING,
        tags = {"change", "deployment"},
        help = "Ship the migration in its own change and deploy it first; change the code in a later one")
public final class CodeAndSchemaInOneChangeRule implements Rule {
    /** Files named in the message itself; all of them are related locations. */
    private static final int NAMED = 5;

    @Override
    public void visitProject(ProjectContext ctx) {
        Change change = ctx.options().change();
        if (change == null) {
            return;
        }
        List<FileChange> code = change.files().stream().filter(f -> ApplicationCode.is(f.path()))
                .filter(f -> !ctx.project().sources().containsKey(f.path())).toList();
        if (code.isEmpty()) {
            return;
        }
        Migration first = firstChangedMigration(ctx);
        if (first == null) {
            return;
        }
        List<RelatedLocation> related = code.stream().filter(FileChange::present)
                .map(f -> new RelatedLocation(SourceSpan.startOf(f.path()), "application code changed here"))
                .toList();
        String named = code.stream().limit(NAMED).map(CodeAndSchemaInOneChangeRule::describe)
                .collect(Collectors.joining(", "));
        String more = code.size() > NAMED ? " and " + (code.size() - NAMED) + " more" : "";
        ctx.report(Spans.firstLine(first.span(), ctx.project()),
                "the change under review ships migrations together with application code: "
                        + named + more + "; deployed together, old and new code meet a schema they were not written for",
                null, null, related);
    }

    /** The first migration under review: a changeSet the change appended, not the old ones of its file. */
    private static Migration firstChangedMigration(ProjectContext ctx) {
        for (History history : ctx.project().histories()) {
            for (Migration m : history.migrations()) {
                if (ctx.review().covers(m)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String describe(FileChange f) {
        String path = f.path().toString().replace('\\', '/');
        return f.status() == FileChange.Status.DELETED ? path + " (deleted)" : path;
    }
}
