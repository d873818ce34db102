package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceSpan;
import liquibase.changelog.ChangeSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What one changelog file yields, in document order: changeSets, includes to follow, changelog preconditions. */
sealed interface ChangelogItem {

    record Step(Migration migration) implements ChangelogItem {
    }

    /**
     * An include or includeAll, its attributes already expanded (${properties}).
     *
     * @param all      includeAll (path names a directory)
     * @param path     the file or directory as written
     * @param contexts the include's context expression (one, as written), passed on to everything it includes
     */
    record Include(SourceSpan span, boolean all, String path, boolean relativeToChangelogFile, boolean errorIfMissing,
                   Set<String> contexts, Set<String> labels, int minDepth, int maxDepth, String endsWithFilter)
            implements ChangelogItem {
    }

    /** A changelog-level {@code <preConditions>} block: it guards every changeSet of the file and of what it includes. */
    record Guard(Precondition precondition) implements ChangelogItem {
    }

    /**
     * What a file inherits from the includes that reached it: context expressions (of the includes and of the
     * changelogs that included it), labels, and changelog-level preconditions.
     */
    record Inherited(List<String> contexts, Set<String> labels, List<Precondition> preconditions) {
        static final Inherited NONE = new Inherited(List.of(), Set.of(), List.of());

        public Inherited {
            contexts = List.copyOf(contexts);
            labels = Set.copyOf(labels);
            preconditions = List.copyOf(preconditions);
        }

        /**
         * The migration of a changeSet: its id, contexts (the inherited expressions, the changelog's own, the
         * changeSet's: each one an expression that must hold), labels, dbms, flags and preconditions (the
         * inherited changelog-level ones, the file's own, the changeSet's), with the operations and reverse
         * already read.
         *
         * @param changelogContext the changelog's own context expression, null when it has none
         * @param fileGuards       changelog-level preconditions of the changeSet's own file
         */
        Migration migration(ChangeSet cs, String changelogContext, List<Precondition> fileGuards, SourceSpan span,
                            List<Operation> ops, Reverse reverse) {
            Set<String> allContexts = new LinkedHashSet<>(contexts);
            if (changelogContext != null && !changelogContext.isBlank()) {
                allContexts.add(changelogContext.trim());
            }
            String own = ownContext(cs);
            if (own != null) {
                allContexts.add(own);
            }
            Set<String> allLabels = new LinkedHashSet<>(labels);
            allLabels.addAll(ownLabels(cs));
            Set<String> dbms = new LinkedHashSet<>();
            if (cs.getDbmsSet() != null) {
                cs.getDbmsSet().forEach(d -> dbms.add(d.toLowerCase(Locale.ROOT)));
            }
            List<Precondition> guards = new ArrayList<>(preconditions);
            guards.addAll(fileGuards);
            PreconditionReader.read(cs.getPreconditions(), false, span).ifPresent(guards::add);
            return new Migration(cs.getId() + "::" + cs.getAuthor(), null, cs.getComments(), Framework.LIQUIBASE,
                    Migration.Kind.CHANGESET, span, cs.isRunInTransaction(), allContexts, allLabels, dbms,
                    cs.isRunOnChange(), ops, reverse, false, guards);
        }

        /** Whether the contexts and label filter given let the update run this changeSet. */
        boolean accepted(ChangeSetFilter filter, ChangeSet cs, String changelogContext) {
            List<String> inheritable = new ArrayList<>(contexts);
            if (changelogContext != null && !changelogContext.isBlank()) {
                inheritable.add(changelogContext.trim());
            }
            Set<String> allLabels = new LinkedHashSet<>(labels);
            allLabels.addAll(ownLabels(cs));
            return filter.accepts(inheritable, ownContext(cs), allLabels);
        }

        /** The changeSet's own context expression as written, null when it has none. */
        static String ownContext(ChangeSet cs) {
            liquibase.ContextExpression e = cs.getContextFilter();
            if (e == null || e.isEmpty()) {
                return null;
            }
            String written = e.toString();
            return written == null || written.isBlank() ? null : written.trim();
        }

        private static Set<String> ownLabels(ChangeSet cs) {
            return cs.getLabels() == null ? Set.of() : cs.getLabels().getLabels();
        }
    }
}
