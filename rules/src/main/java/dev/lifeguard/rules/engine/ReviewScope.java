package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.analyzer.code.CodeVersions;
import dev.lifeguard.analyzer.liquibase.ChangeSetTexts;
import dev.lifeguard.analyzer.model.CodeBase;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which migrations the change under review ({@code --since}, {@code --staged}) is about. A migration file is
 * one unit: the change touches it or not. A Liquibase changelog is not: teams append a changeSet to it per
 * release, so in a changelog the change modified only the changeSets it added or whose text it edited are
 * under review; the others ran in production long ago, and their findings would come back on every pull
 * request. A changeSet the change added is also new to the database: what it creates is empty and unused.
 *
 * <p>Built by the engine for one run from the change (base texts from git) and the project (texts now);
 * the model itself never learns about git. Without a change everything is under review.
 */
public final class ReviewScope {
    private static final ReviewScope EVERYTHING = new ReviewScope(null, Set.of(), Map.of(), Map.of(),
            CodeVersions.of(CodeBase.NONE, null));

    private final Change change;
    /** The changelogs the change kept (modified or renamed) whose changeSets could be told apart. */
    private final Set<Path> byChangeSet;
    /** Per modified changelog: the spans of the changeSets the change left as they were. */
    private final Map<Path, List<SourceSpan>> unchanged;
    /** Per changelog the change kept: the ids ({@code id::author}) of the changeSets it added. */
    private final Map<Path, Set<String>> added;
    /** The application code of the versions the change meets (one, the working tree, without a change). */
    private final CodeVersions code;

    private ReviewScope(Change change, Set<Path> byChangeSet, Map<Path, List<SourceSpan>> unchanged,
                        Map<Path, Set<String>> added, CodeVersions code) {
        this.change = change;
        this.byChangeSet = byChangeSet;
        this.unchanged = unchanged;
        this.added = added;
        this.code = code;
    }

    /** Everything is under review (no change given). */
    public static ReviewScope everything() {
        return EVERYTHING;
    }

    /** What {@code change} puts under review in {@code project}; everything when the change is null. */
    public static ReviewScope of(Change change, Project project) {
        if (change == null) {
            return new ReviewScope(null, Set.of(), Map.of(), Map.of(), CodeVersions.of(project.code(), null));
        }
        Set<Path> byChangeSet = new HashSet<>();
        Map<Path, List<SourceSpan>> unchanged = new HashMap<>();
        Map<Path, Set<String>> added = new HashMap<>();
        Map<Path, Optional<ChangeSets>> byFile = new HashMap<>();
        for (History history : project.histories()) {
            for (Migration m : history.migrations()) {
                if (m.kind() != Migration.Kind.CHANGESET) {
                    continue;
                }
                Optional<FileChange> kept = change.of(m.file()).filter(f -> f.status() == FileChange.Status.MODIFIED
                        || f.status() == FileChange.Status.RENAMED);
                if (kept.isEmpty()) {
                    continue;
                }
                Optional<ChangeSets> sets = byFile.computeIfAbsent(m.file(), p -> ChangeSets.read(change, kept.get(), project));
                if (sets.isEmpty()) {
                    continue; // unreadable at one of the two revisions: the whole file stays under review
                }
                byChangeSet.add(m.file());
                String before = sets.get().before().get(m.id());
                String after = sets.get().after().get(m.id());
                if (after == null) {
                    continue; // not matched by id in the text now: kept under review, and not taken for new
                }
                if (before == null) {
                    added.computeIfAbsent(m.file(), p -> new HashSet<>()).add(m.id());
                } else if (before.equals(after) && kept.get().status() == FileChange.Status.MODIFIED) {
                    // a renamed changelog stays whole: without logicalFilePath Liquibase runs all of it again
                    unchanged.computeIfAbsent(m.file(), p -> new ArrayList<>()).add(m.span());
                }
            }
        }
        return new ReviewScope(change, byChangeSet, unchanged, added, CodeVersions.of(project.code(), change));
    }

    /**
     * The application code of the versions the change meets: the one running in production (the base
     * revision's code) and the one being deployed; without a change, one version, the working tree.
     * Each index is built on first use.
     */
    public CodeVersions code() {
        return code;
    }

    /** Whether findings on this migration are the reviewer's business. */
    public boolean covers(Migration migration) {
        return change == null || change.touches(migration.file())
                && unchanged.getOrDefault(migration.file(), List.of()).stream().noneMatch(s -> s.equals(migration.span()));
    }

    /**
     * Whether a finding at this place is reported: it lies in a file the change touches, and not inside a
     * changeSet the change left as it was (findings about the change itself sit on the changeSets or files
     * it changed).
     */
    public boolean reports(SourceSpan span) {
        return change == null || change.touches(span.file())
                && unchanged.getOrDefault(span.file(), List.of()).stream().noneMatch(s -> within(span, s));
    }

    /**
     * Whether the migration is new in the change: in a file the change added, or a changeSet it added to an
     * existing changelog. Nothing it created exists in production yet.
     */
    public boolean isNew(Path file, String migrationId) {
        return change != null && (change.addedFiles().contains(file)
                || added.getOrDefault(file, Set.of()).contains(migrationId));
    }

    /**
     * Whether the change kept this changelog and its changeSets were told apart: then which of them are new
     * is known, and the others ran in production, even in a changelog otherwise read as written in one piece.
     */
    public boolean knowsChangeSetsOf(Path file) {
        return byChangeSet.contains(file);
    }

    private static boolean within(SourceSpan span, SourceSpan outer) {
        return span.startLine() >= outer.startLine() && span.startLine() <= outer.endLine();
    }

    /** The changeSet texts of one changelog at the base and now, keyed {@code id::author}. */
    private record ChangeSets(Map<String, String> before, Map<String, String> after) {
        static Optional<ChangeSets> read(Change change, FileChange f, Project project) {
            Optional<String> was = change.baseTexts().read(f.oldPath());
            Optional<String> is = project.source(f.path()).map(s -> s.text());
            if (was.isEmpty() || is.isEmpty()) {
                return Optional.empty();
            }
            Optional<Map<String, String>> before = ChangeSetTexts.of(f.oldPath(), was.get());
            Optional<Map<String, String>> after = ChangeSetTexts.of(f.path(), is.get());
            return before.isPresent() && after.isPresent()
                    ? Optional.of(new ChangeSets(before.get(), after.get())) : Optional.empty();
        }
    }
}
