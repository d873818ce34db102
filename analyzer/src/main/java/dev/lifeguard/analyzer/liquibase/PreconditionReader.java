package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.Precondition.Check;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import liquibase.precondition.CustomPreconditionWrapper;
import liquibase.precondition.PreconditionLogic;
import liquibase.precondition.core.AndPrecondition;
import liquibase.precondition.core.ChangeLogPropertyDefinedPrecondition;
import liquibase.precondition.core.ChangeSetExecutedPrecondition;
import liquibase.precondition.core.ColumnExistsPrecondition;
import liquibase.precondition.core.DBMSPrecondition;
import liquibase.precondition.core.ForeignKeyExistsPrecondition;
import liquibase.precondition.core.IndexExistsPrecondition;
import liquibase.precondition.core.NotPrecondition;
import liquibase.precondition.core.OrPrecondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.PrimaryKeyExistsPrecondition;
import liquibase.precondition.core.RunningAsPrecondition;
import liquibase.precondition.core.SequenceExistsPrecondition;
import liquibase.precondition.core.SqlPrecondition;
import liquibase.precondition.core.TableExistsPrecondition;
import liquibase.precondition.core.ViewExistsPrecondition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Liquibase's parsed {@code <preConditions>} (from XML, YAML, JSON or formatted SQL's
 * {@code --precondition-*} lines, all read by Liquibase itself) into the model. Checks that need the live
 * database become {@link Precondition.Unanswerable}; nothing is run, no custom class is loaded.
 */
final class PreconditionReader {
    private PreconditionReader() {
    }

    /** The model of a container, or empty when there is none or it checks nothing. */
    static Optional<Precondition> read(PreconditionContainer container, boolean changelogLevel, SourceSpan span) {
        if (container == null || container.getNestedPreconditions().isEmpty()) {
            return Optional.empty();
        }
        Check check = new Precondition.And(nested(container));
        return Optional.of(new Precondition(check, Precondition.Action.parse(name(container.getOnFail())),
                Precondition.Action.parse(name(container.getOnError())), changelogLevel, span));
    }

    private static String name(Object option) {
        return option == null ? null : option.toString();
    }

    private static List<Check> nested(PreconditionLogic logic) {
        List<Check> out = new ArrayList<>();
        for (liquibase.precondition.Precondition p : logic.getNestedPreconditions()) {
            out.add(check(p));
        }
        return out;
    }

    private static Check check(liquibase.precondition.Precondition p) {
        if (p instanceof PreconditionContainer c) { // a changelog's block nested into its includer's
            return new Precondition.And(nested(c));
        }
        if (p instanceof NotPrecondition n) {
            return new Precondition.Not(nested(n));
        }
        if (p instanceof OrPrecondition o) {
            return new Precondition.Or(nested(o));
        }
        if (p instanceof AndPrecondition a) {
            return new Precondition.And(nested(a));
        }
        if (p instanceof DBMSPrecondition d) {
            return new Precondition.Dbms(d.getType() == null ? java.util.Set.of()
                    : new LinkedHashSet<>(Arrays.stream(d.getType().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList()));
        }
        if (p instanceof TableExistsPrecondition t && present(t.getTableName())) {
            return new Precondition.TableExists(TableName.of(t.getSchemaName(), t.getTableName()));
        }
        if (p instanceof ColumnExistsPrecondition c && present(c.getTableName()) && present(c.getColumnName())) {
            return new Precondition.ColumnExists(TableName.of(c.getSchemaName(), c.getTableName()), c.getColumnName().trim());
        }
        if (p instanceof IndexExistsPrecondition i && (present(i.getIndexName()) || present(i.getTableName()))) {
            List<String> columns = i.getColumnNames() == null ? List.of()
                    : Arrays.stream(i.getColumnNames().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new Precondition.IndexExists(present(i.getTableName()) ? TableName.of(i.getSchemaName(), i.getTableName()) : null,
                    present(i.getIndexName()) ? i.getIndexName().trim() : null, columns);
        }
        if (p instanceof ForeignKeyExistsPrecondition f && present(f.getForeignKeyName())) {
            return new Precondition.ForeignKeyExists(present(f.getForeignKeyTableName())
                    ? TableName.of(f.getSchemaName(), f.getForeignKeyTableName()) : null, f.getForeignKeyName().trim());
        }
        if (p instanceof PrimaryKeyExistsPrecondition k && (present(k.getTableName()) || present(k.getPrimaryKeyName()))) {
            return new Precondition.PrimaryKeyExists(present(k.getTableName()) ? TableName.of(k.getSchemaName(), k.getTableName()) : null,
                    present(k.getPrimaryKeyName()) ? k.getPrimaryKeyName().trim() : null);
        }
        if (p instanceof ViewExistsPrecondition v && present(v.getViewName())) {
            return new Precondition.ViewExists(v.getViewName().trim());
        }
        if (p instanceof SequenceExistsPrecondition s && present(s.getSequenceName())) {
            return new Precondition.SequenceExists(s.getSequenceName().trim());
        }
        return new Precondition.Unanswerable(p.getName(), detail(p));
    }

    private static String detail(liquibase.precondition.Precondition p) {
        try {
            if (p instanceof SqlPrecondition s) {
                // the expected result first: a long query is shortened in the note, the expectation must stay
                return (s.getExpectedResult() == null ? "" : "(expected " + s.getExpectedResult() + ") ")
                        + (s.getSql() == null ? "" : s.getSql().strip());
            }
            if (p instanceof ChangeSetExecutedPrecondition c) {
                return c.getId() + "::" + c.getAuthor() + (present(c.getChangeLogFile()) ? " in " + c.getChangeLogFile() : "");
            }
            if (p instanceof ChangeLogPropertyDefinedPrecondition c) {
                return c.getProperty();
            }
            if (p instanceof RunningAsPrecondition r) {
                return r.getUsername();
            }
            if (p instanceof CustomPreconditionWrapper w) {
                return w.getClassName();
            }
        } catch (RuntimeException e) {
            return "";
        }
        return "";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
