package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One deployable unit: a Flyway versioned or repeatable file, a Liquibase changeSet, an up file.
 *
 * @param id            what the tool calls it: the Flyway version ("2.1"), "id::author" for Liquibase,
 *                      the file name for up/down layouts
 * @param version       the version used for ordering and duplicate detection, null for repeatables
 *                      and Liquibase changeSets
 * @param description   the description from the name, or the changeSet comment
 * @param framework     the tool whose conventions apply
 * @param kind          versioned, repeatable or changeSet
 * @param span          the whole file, or the changeSet element
 * @param inTransaction whether the tool runs it inside one transaction
 * @param contexts      Liquibase contexts (empty elsewhere)
 * @param labels        Liquibase labels (empty elsewhere)
 * @param dbms          Liquibase dbms filter, lower case (empty: any database)
 * @param runOnChange   Liquibase runOnChange / Flyway repeatable: edits are expected
 * @param operations    what it does, in order
 * @param reverse       how it is undone
 * @param baseline      part of a baseline, applied only to an empty database to create the schema: a Flyway
 *                      {@code B<version>__} migration, or a changeSet of a generated schema snapshot
 *                      changelog. The tables it creates are new and empty while the rest of the baseline
 *                      runs; no reverse is expected (undoing it is dropping the database)
 * @param preconditions Liquibase preconditions that decide whether it runs on the linted database: those
 *                      of the changelogs it is in (changelog level), then its own; empty elsewhere
 */
public record Migration(String id, String version, String description, Framework framework, Kind kind,
                        SourceSpan span, boolean inTransaction, Set<String> contexts, Set<String> labels,
                        Set<String> dbms, boolean runOnChange, List<Operation> operations, Reverse reverse,
                        boolean baseline, List<Precondition> preconditions) {

    public enum Kind { VERSIONED, REPEATABLE, CHANGESET }

    public Migration {
        contexts = Set.copyOf(contexts);
        labels = Set.copyOf(labels);
        dbms = Set.copyOf(dbms);
        operations = List.copyOf(operations);
        preconditions = List.copyOf(preconditions);
    }

    /** A migration that is not part of a baseline and has no preconditions. */
    public Migration(String id, String version, String description, Framework framework, Kind kind,
                     SourceSpan span, boolean inTransaction, Set<String> contexts, Set<String> labels,
                     Set<String> dbms, boolean runOnChange, List<Operation> operations, Reverse reverse) {
        this(id, version, description, framework, kind, span, inTransaction, contexts, labels, dbms, runOnChange,
                operations, reverse, false, List.of());
    }

    public Path file() {
        return span.file();
    }

    /**
     * The database this migration is judged for when the history is linted for {@code linted}: that one
     * when the migration applies to it, else the first database its contexts / dbms name (a project that
     * ships per-database changeSets deploys the MySQL ones to MySQL), else none (skip it).
     */
    public java.util.Optional<Dialect> dialectOn(Dialect linted) {
        if (appliesTo(linted)) {
            return java.util.Optional.of(linted);
        }
        for (Dialect d : Dialect.values()) {
            if (d != Dialect.GENERIC && appliesTo(d)) {
                return java.util.Optional.of(d);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether the migration runs on a database of this dialect: a context expression naming only other
     * databases excludes it (see {@link ContextExpression}); Liquibase's {@code dbms} may list
     * dialects ({@code mysql,mariadb}), exclude them ({@code !h2}), or say {@code all} / {@code none}.
     */
    public boolean appliesTo(Dialect dialect) {
        if (contexts.stream().anyMatch(c -> ContextExpression.excludes(c, dialect))) {
            return false;
        }
        if (dbms.isEmpty() || dbms.contains("all")) {
            return true;
        }
        if (dbms.contains("none")) {
            return false;
        }
        boolean anyPositive = false;
        for (String d : dbms) {
            if (d.startsWith("!")) {
                if (Dialect.parse(d.substring(1)).orElse(null) == dialect) {
                    return false;
                }
            } else {
                anyPositive = true;
                if (Dialect.parse(d).orElse(null) == dialect) {
                    return true;
                }
            }
        }
        return !anyPositive;
    }
}
