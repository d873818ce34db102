package dev.lifeguard.rules.change;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.analyzer.liquibase.ChangeSetTexts;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.ProjectContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A migration that already existed at the base revision was changed. Databases that ran it keep the old
 * version: the new text never runs there, and the tools' checksums (Flyway validate, Liquibase's
 * DATABASECHANGELOG) stop matching. Flyway repeatables and runOnChange changeSets are meant to change.
 * Runs only when there is a change under review ({@code --since}, {@code --staged}).
 */
@RuleInfo(
        id = "edited-applied-migration",
        summary = "A migration that already existed at the base revision was modified",
        severity = Severity.ERROR,
        tags = {"integrity", "change"},
        help = "Revert the edit and put the change in a new migration; a deployed migration must never change")
public final class EditedAppliedMigrationRule implements Rule {

    @Override
    public void visitProject(ProjectContext ctx) {
        Change change = ctx.options().change();
        if (change == null) {
            return;
        }
        Map<Path, Optional<Map<String, String>>> oldChangeSets = new HashMap<>();
        Map<Path, Optional<Map<String, String>>> newChangeSets = new HashMap<>();
        Set<Path> renameReported = new HashSet<>();
        Set<Path> wholeFileReported = new HashSet<>();
        for (History history : ctx.project().histories()) {
            for (Migration m : history.migrations()) {
                Optional<FileChange> edit = change.of(m.file())
                        .filter(f -> f.status() == FileChange.Status.MODIFIED || f.status() == FileChange.Status.RENAMED);
                if (edit.isEmpty() || m.runOnChange() || m.kind() == Migration.Kind.REPEATABLE) {
                    continue;
                }
                FileChange f = edit.get();
                Optional<String> before = change.baseTexts().read(f.oldPath());
                Optional<String> after = ctx.project().source(m.file()).map(s -> s.text());
                if (before.isEmpty() || after.isEmpty()) {
                    continue;
                }
                if (m.kind() == Migration.Kind.CHANGESET) {
                    Optional<Map<String, String>> was = oldChangeSets.computeIfAbsent(f.oldPath(),
                            p -> ChangeSetTexts.of(p, before.get()));
                    Optional<Map<String, String>> is = newChangeSets.computeIfAbsent(m.file(),
                            p -> ChangeSetTexts.of(p, after.get()));
                    if (was.isPresent() && is.isPresent()) {
                        changeSet(ctx, change, f, m, was.get().get(m.id()), is.get().get(m.id()), renameReported);
                        continue;
                    }
                }
                // a Flyway / up-down file, a plain SQL file Liquibase runs whole, or a changelog that cannot
                // be read at one of the two revisions: the file is the unit, reported once
                if (m.kind() != Migration.Kind.CHANGESET || wholeFileReported.add(m.file())) {
                    file(ctx, change, f, m, before.get(), after.get());
                }
            }
        }
    }

    private static void file(ProjectContext ctx, Change change, FileChange f, Migration m, String before, String after) {
        EditKind kind = EditKind.between(before, after, m.file().getFileName().toString());
        String tool = m.framework().displayName();
        String subject = m.kind() == Migration.Kind.CHANGESET ? "this file" : "migration " + label(m);
        if (f.status() == FileChange.Status.RENAMED) {
            String what = kind == EditKind.NONE ? "" : ", and its text was edited" + kind.note();
            report(ctx, m, subject + " existed at " + change.base() + " as " + slash(f.oldPath()) + " and was renamed"
                    + what + ": databases that ran it know it by its old name, and " + tool
                    + " reports it missing or runs it again", "Rename it back; put any change in a new migration");
            return;
        }
        if (kind == EditKind.NONE) {
            return;
        }
        String consequence = kind == EditKind.CONTENT
                ? ": databases that already ran it will never run the new text, and " + tool + "'s checksum no longer matches"
                : ": it behaves the same, but " + tool + "'s checksum no longer matches and validation fails where it ran";
        String help = kind == EditKind.CONTENT
                ? "Revert the edit and put the change in a new migration; a deployed migration must never change"
                : "Revert the edit (or, if it must stay, repair the recorded checksums on every database that ran it)";
        report(ctx, m, subject + " existed at " + change.base() + " and was modified" + kind.note() + consequence, help);
    }

    private static void changeSet(ProjectContext ctx, Change change, FileChange f, Migration m, String before,
                                  String after, Set<Path> renameReported) {
        if (f.status() == FileChange.Status.RENAMED && renameReported.add(m.file())
                && !after.contains("logicalFilePath") && before != null) {
            report(ctx, m, "this changelog existed at " + change.base() + " as " + slash(f.oldPath())
                    + " and was renamed: Liquibase identifies a changeSet by id, author and file path, so databases"
                    + " that ran these changeSets would run them again",
                    "Rename it back, or keep the old path with logicalFilePath");
        }
        if (before == null || after == null) {
            return; // a changeSet new since the base
        }
        EditKind kind = EditKind.between(before, after, m.file().getFileName().toString());
        if (kind == EditKind.NONE) {
            return;
        }
        String consequence = kind == EditKind.CONTENT
                ? ": databases that already ran it will not run the new body, and Liquibase's checksum no longer matches"
                : ": it behaves the same, but Liquibase may compute a new checksum and fail validation where it ran";
        report(ctx, m, "changeSet " + m.id() + " existed at " + change.base() + " and its body changed" + kind.note()
                        + consequence,
                kind == EditKind.CONTENT
                        ? "Revert the edit and add a new changeSet; mark the changeSet runOnChange=\"true\" only if it is meant to re-run"
                        : "Revert the edit (or add a validCheckSum for the new checksum)");
    }

    private static void report(ProjectContext ctx, Migration m, String message, String help) {
        Project project = ctx.project();
        ctx.report(Spans.firstLine(m.span(), project), message, help, null, java.util.List.of());
    }

    private static String label(Migration m) {
        return m.file().getFileName().toString();
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
