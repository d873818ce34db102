package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceSpan;
import liquibase.changelog.ChangeSet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What one changelog file yields, in document order: changeSets, and includes to follow. */
sealed interface ChangelogItem {

    record Step(Migration migration) implements ChangelogItem {
    }

    /**
     * An include or includeAll, its attributes already expanded (${properties}).
     *
     * @param all      includeAll (path names a directory)
     * @param path     the file or directory as written
     * @param contexts the include's context expression, passed on to everything it includes
     */
    record Include(SourceSpan span, boolean all, String path, boolean relativeToChangelogFile, boolean errorIfMissing,
                   Set<String> contexts, Set<String> labels, int minDepth, int maxDepth, String endsWithFilter)
            implements ChangelogItem {
    }

    /** Contexts and labels a file inherits from the includes that reached it. */
    record Inherited(Set<String> contexts, Set<String> labels) {
        static final Inherited NONE = new Inherited(Set.of(), Set.of());

        /**
         * The migration of a changeSet: its id, contexts (inherited, the changelog's own, the changeSet's),
         * labels, dbms and flags, with the operations and reverse already read.
         */
        Migration migration(ChangeSet cs, Set<String> changelogContexts, SourceSpan span, List<Operation> ops,
                            Reverse reverse) {
            Set<String> allContexts = new LinkedHashSet<>(contexts);
            allContexts.addAll(changelogContexts);
            allContexts.addAll(cs.getContextFilter().getContexts());
            Set<String> allLabels = new LinkedHashSet<>(labels);
            if (cs.getLabels() != null) {
                allLabels.addAll(cs.getLabels().getLabels());
            }
            Set<String> dbms = new LinkedHashSet<>();
            if (cs.getDbmsSet() != null) {
                cs.getDbmsSet().forEach(d -> dbms.add(d.toLowerCase(Locale.ROOT)));
            }
            return new Migration(cs.getId() + "::" + cs.getAuthor(), null, cs.getComments(), Framework.LIQUIBASE,
                    Migration.Kind.CHANGESET, span, cs.isRunInTransaction(), allContexts, allLabels, dbms,
                    cs.isRunOnChange(), ops, reverse);
        }
    }
}
