package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import liquibase.parser.core.ParsedNode;

import java.util.List;
import java.util.Set;

/**
 * A changelog file read with positions: the nodes Liquibase interprets, and where each top-level entry,
 * change and rollback stands in the file (Liquibase itself keeps no lines).
 *
 * @param root    the databaseChangeLog node with its attributes only (entries are loaded one by one)
 * @param entries top-level elements in document order; includes inside modifyChangeSets are flattened in
 */
record ChangelogDocument(SourceFile file, ParsedNode root, List<Entry> entries) {

    /** Elements of a changeSet that are not changes. */
    static final Set<String> CHANGESET_STRUCTURE = Set.of("comment", "rollback", "preConditions", "preconditions",
            "validCheckSum", "validCheckSums", "modifySql", "changes");

    /**
     * One top-level element (changeSet, include, includeAll, property, preConditions...).
     *
     * @param node      what Liquibase gets; null for an entry it must not see (include, includeAll)
     * @param changes   for a changeSet, its change elements in order
     * @param rollbacks for a changeSet, its rollback elements in order
     */
    record Entry(String name, ParsedNode node, SourceSpan span, List<ChangeSite> changes, List<RollbackSite> rollbacks) {
        boolean isChangeSet() {
            return "changeSet".equals(name);
        }
    }

    /**
     * Where one change stands.
     *
     * @param sql       the raw region of its inline SQL text (sql change, text rollback), null when none
     * @param withheld  kept from Liquibase because loading it would run code (customChange)
     * @param namespace the XML namespace of its element when that is not Liquibase's own (an extension's
     *                  change type), else null
     * @param javaClass for a customChange, the class it names, else null
     */
    record ChangeSite(String name, SourceSpan span, Region sql, boolean withheld, String namespace, String javaClass) {

        ChangeSite(String name, SourceSpan span, Region sql, boolean withheld) {
            this(name, span, sql, withheld, null, null);
        }
    }

    /**
     * A rollback element or key.
     *
     * @param text    the raw region of its SQL text, null when it has none
     * @param changes its change elements
     * @param blank   no text and no changes: irreversible on purpose
     */
    record RollbackSite(SourceSpan span, Region text, List<ChangeSite> changes, boolean blank) {
    }

    /** A character range [start, end) of the file. */
    record Region(int start, int end) {
    }
}
