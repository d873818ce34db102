package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.SourceSpan;

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
    }
}
