package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Statements;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

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
        String what = fk ? "foreign key " + named(c) + "to " + (c.referencedTable() == null ? "its parent table"
                : c.referencedTable()) : "check " + named(c);
        String lock = fk ? "SHARE ROW EXCLUSIVE on both tables: writes to them wait"
                : "ACCESS EXCLUSIVE: reads and writes wait";
        String message = what + "is added to existing table " + t + " without NOT VALID: PostgreSQL checks every"
                + " row while it holds " + lock + " until the check ends";
        ctx.report(add.span(), message, help(ctx, t, c), fix(ctx, add), List.of());
    }

    private static String help(OperationContext ctx, TableName t, ConstraintDef c) {
        String name = c.name() == null ? "<constraint_name>" : c.name();
        String help = "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " ... NOT VALID; (checks new rows only, at once);"
                + " then, in a later migration: ALTER TABLE " + t + " VALIDATE CONSTRAINT " + name + ";"
                + " (checks the old rows without blocking reads or writes)";
        if (ctx.migration().framework() == Framework.LIQUIBASE) {
            help += ". Liquibase: " + (c.kind() == ConstraintDef.Kind.FOREIGN_KEY
                    ? "<addForeignKeyConstraint ... validate=\"false\"/>" : "<sql>ALTER TABLE ... NOT VALID</sql>")
                    + ", then a later changeSet with <sql>ALTER TABLE " + t + " VALIDATE CONSTRAINT " + name + "</sql>";
        }
        return help;
    }

    /** Appends NOT VALID when the statement is this one ALTER TABLE ... ADD clause, as written in an SQL file. */
    private static Fix fix(OperationContext ctx, Operation.AddConstraint add) {
        if (Statements.siblings(add, ctx.migration().operations()).size() != 1) {
            return null;
        }
        StatementText text = StatementText.of(ctx, add);
        if (text == null || text.afterLeading("ALTER", "TABLE") < 0) {
            return null;
        }
        return text.insertAt(add.span().endOffset(), " NOT VALID", "Add NOT VALID");
    }

    private static String named(ConstraintDef c) {
        return c.name() == null ? "" : c.name() + " ";
    }
}
