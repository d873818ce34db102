package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Suppression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a project's suppression comments to its findings: a covered finding is kept, marked with a
 * {@link Suppression}; each comment remembers which of its rule ids suppressed something, so that the
 * ones that did not can be reported.
 */
public final class Suppressor {
    private final Map<Path, FileSuppressions> files;
    private final Map<FileSuppressions.Covered, Set<String>> used = new IdentityHashMap<>();

    private Suppressor(Map<Path, FileSuppressions> files) {
        this.files = files;
    }

    public static Suppressor of(Project project) {
        List<Path> withComments = project.sources().entrySet().stream()
                .filter(e -> e.getValue().text().contains(Suppressions.IGNORE))
                .map(Map.Entry::getKey).sorted().toList();
        Map<Path, FileSuppressions> files = new LinkedHashMap<>();
        if (withComments.isEmpty()) {
            return new Suppressor(files);
        }
        Map<Path, List<SourceSpan>> structure = new HashMap<>();
        for (History h : project.histories()) {
            for (Migration m : h.migrations()) {
                structure.computeIfAbsent(m.file(), f -> new ArrayList<>()).add(m.span());
                for (Operation op : m.operations()) {
                    structure.computeIfAbsent(op.span().file(), f -> new ArrayList<>()).add(op.span());
                }
                for (Operation op : m.reverse().operations()) {
                    structure.computeIfAbsent(op.span().file(), f -> new ArrayList<>()).add(op.span());
                }
            }
        }
        for (Path file : withComments) {
            files.put(file, FileSuppressions.of(project.sources().get(file), structure.getOrDefault(file, List.of())));
        }
        return new Suppressor(files);
    }

    /** The findings, those a comment covers marked as suppressed (the first covering comment's reason). */
    public List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            FileSuppressions file = files.get(f.span().file());
            Suppression suppression = null;
            if (file != null) {
                for (FileSuppressions.Covered c : file.directives()) {
                    if (c.directive().ruleIds().contains(f.ruleId()) && file.covers(c, f.span())) {
                        used.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(f.ruleId());
                        if (suppression == null) {
                            suppression = Suppression.inSource(c.directive().reason(), c.directive().span());
                        }
                    }
                }
            }
            out.add(suppression == null ? f : f.withSuppression(suppression));
        }
        return out;
    }

    /** Every suppression comment found, in file order, with the ids that suppressed something so far. */
    public List<SuppressionUse> uses() {
        List<SuppressionUse> out = new ArrayList<>();
        for (FileSuppressions file : files.values()) {
            for (FileSuppressions.Covered c : file.directives()) {
                out.add(new SuppressionUse(c.directive(), used.getOrDefault(c, Set.of())));
            }
        }
        return out;
    }
}
