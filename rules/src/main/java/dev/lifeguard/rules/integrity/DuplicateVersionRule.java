package dev.lifeguard.rules.integrity;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.ProjectContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
        id = "duplicate-version",
        summary = "Two migrations with the same version or changeSet id",
        severity = Severity.ERROR,
        tags = {"integrity"},
        help = "Give one of them the next free version (or a new changeSet id); the tool refuses to run, or runs only one of them")
public final class DuplicateVersionRule implements Rule {

    @Override
    public void visitProject(ProjectContext ctx) {
        for (History history : ctx.project().histories()) {
            Map<String, List<Migration>> byKey = new LinkedHashMap<>();
            for (Migration m : history.migrations()) {
                String key = MigrationKeys.of(m);
                if (key != null && m.appliesTo(history.dialect())) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                }
            }
            byKey.values().stream().filter(group -> group.size() > 1).forEach(group -> report(ctx, group));
            if (ctx.options().change() != null) {
                VersionsAtBase.check(ctx, history, ctx.options().change());
            }
        }
    }

    private static void report(ProjectContext ctx, List<Migration> group) {
        for (Migration m : group) {
            List<RelatedLocation> others = group.stream().filter(o -> o != m)
                    .map(o -> new RelatedLocation(Spans.firstLine(o.span(), ctx.project()), "also " + describe(o)))
                    .toList();
            String otherFiles = String.join(", ", others.stream().map(r -> r.span().toString()).toList());
            String help = m.kind() == Migration.Kind.CHANGESET
                    ? "Give one of the changeSets a new id; Liquibase identifies a changeSet by id, author and file"
                    : "Renumber one of them to the next free version; " + m.framework().displayName()
                      + " refuses to run a history where two migrations share a version";
            ctx.report(Spans.firstLine(m.span(), ctx.project()), describe(m) + " is used by another migration too: "
                    + otherFiles, help, null, others);
        }
    }

    private static String describe(Migration m) {
        return m.kind() == Migration.Kind.CHANGESET ? "changeSet " + m.id() : "version " + m.version();
    }
}
