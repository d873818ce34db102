package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.StatementText;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "constraint-without-not-valid",
        summary = "Adding a FOREIGN KEY or CHECK to an existing table checks every row while holding its lock",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL},
        tags = {"locking", "constraint"},
        help = "Add the constraint with NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration")
public final class ConstraintWithoutNotValidRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (!(ctx.operation() instanceof Operation.AddConstraint add) || add.constraint().notValid()
                || ctx.isNewTable(add.table())) {
            return;
        }
        ConstraintDef c = add.constraint();
        boolean fk = c.kind() == ConstraintDef.Kind.FOREIGN_KEY;
        if (!fk && c.kind() != ConstraintDef.Kind.CHECK) {
            return;
        }
        TableName t = add.table();
        String what = fk ? "foreign key " + named(ctx, c) + "to " + (c.referencedTable() == null ? "its parent table"
                : ctx.sql(c.referencedTable())) + " " : "check " + named(ctx, c);
        String lock = fk ? "SHARE ROW EXCLUSIVE on both tables: writes to them wait"
                : "ACCESS EXCLUSIVE: reads and writes wait";
        String message = what + "is added to existing table " + ctx.sql(t) + " without NOT VALID: PostgreSQL checks every"
                + " row while it holds " + lock + " until the check ends";
        SourceSpan clause = clause(ctx, add);
        ctx.report(clause == null ? add.span() : clause, message, help(ctx, t, c), fix(ctx, add, clause), List.of());
    }

    private static String help(OperationContext ctx, TableName t, ConstraintDef c) {
        String name = c.name() == null ? "<constraint_name>" : ctx.sql(c.name());
        String table = ctx.sql(t);
        String help = "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " ... NOT VALID; (checks new rows only, at once);"
                + " then, in a later migration: ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + ";"
                + " (checks the old rows without blocking reads or writes)";
        if (ctx.migration().framework() == Framework.LIQUIBASE) {
            help += ". Liquibase: " + (c.kind() == ConstraintDef.Kind.FOREIGN_KEY
                    ? "<addForeignKeyConstraint ... validate=\"false\"/>" : "<sql>ALTER TABLE ... NOT VALID</sql>")
                    + ", then a later changeSet with <sql>ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + "</sql>";
        }
        return help;
    }

    /**
     * The ADD clause of this constraint in an ALTER TABLE written in an SQL file, or null. The SQL parser
     * gives clauses their own span; a span covering the whole ALTER TABLE is searched for the clause.
     */
    static SourceSpan clause(OperationContext ctx, Operation.AddConstraint add) {
        StatementText text = StatementText.of(ctx, add);
        if (text == null) {
            return null;
        }
        if (text.afterLeading("ADD") >= 0) {
            return add.span();
        }
        if (text.afterLeading("ALTER", "TABLE") < 0) {
            return null;
        }
        ConstraintDef c = add.constraint();
        Set<String> marks = c.name() != null ? Set.of(c.name().toUpperCase(Locale.ROOT))
                : switch (c.kind()) {
                    case FOREIGN_KEY -> Set.of("FOREIGN", "REFERENCES");
                    case CHECK -> Set.of("CHECK");
                    case UNIQUE -> Set.of("UNIQUE");
                    case PRIMARY_KEY -> Set.of("PRIMARY");
                    default -> Set.of();
                };
        return text.addClause(marks);
    }

    /** Appends NOT VALID at the end of the constraint's clause. */
    private static Fix fix(OperationContext ctx, Operation.AddConstraint add, SourceSpan clause) {
        if (clause == null) {
            return null;
        }
        return StatementText.of(ctx, add).insertAt(clause.endOffset(), " NOT VALID", "Add NOT VALID");
    }

    private static String named(OperationContext ctx, ConstraintDef c) {
        return c.name() == null ? "" : ctx.sql(c.name()) + " ";
    }
}
