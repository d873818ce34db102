package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.StatementText;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.mysql.MySqlOnlineDdl;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "constraint-without-not-valid",
        summary = "Adding a FOREIGN KEY or CHECK to an existing table checks every row while holding its lock",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"locking", "constraint"},
        help = "Add the constraint with NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration")
public final class ConstraintWithoutNotValidRule implements Rule {
    private static final Pattern NOT_ENFORCED = Pattern.compile("(?i)\\bNOT\\s+ENFORCED\\b");

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.operation() instanceof Operation.ValidateConstraint v) {
            ValidateInSameTransaction.check(ctx, v);
            return;
        }
        if (ctx.operation() instanceof Operation.AlterDomain d) {
            domain(ctx, d);
            return;
        }
        if (ctx.dialect() == Dialect.POSTGRESQL && ctx.operation() instanceof Operation.CreateTable c
                && c.partitionOf() != null) {
            HiddenValidations.createPartition(ctx, c);
        }
        if (ctx.dialect() == Dialect.POSTGRESQL && ctx.operation() instanceof Operation.AttachPartition a) {
            HiddenValidations.attachPartition(ctx, a);
            return;
        }
        if (ctx.dialect() == Dialect.POSTGRESQL && ctx.operation() instanceof Operation.AlterColumnType a) {
            HiddenValidations.typeChange(ctx, a);
            return;
        }
        if (!(ctx.operation() instanceof Operation.AddConstraint add) || add.constraint().notValid()
                || ctx.isNewTable(add.table())) {
            return;
        }
        ConstraintDef c = add.constraint();
        boolean fk = c.kind() == ConstraintDef.Kind.FOREIGN_KEY;
        if (!fk && c.kind() != ConstraintDef.Kind.CHECK) {
            return;
        }
        if (ctx.dialect().isMySqlFamily()) {
            mysql(ctx, add);
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

    /** ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID: every column of the domain, in every table, is checked. */
    private static void domain(OperationContext ctx, Operation.AlterDomain d) {
        if (d.action() != Operation.DomainAction.ADD_CONSTRAINT || d.notValid()) {
            return;
        }
        ctx.report(d.span(), "a constraint is added to domain " + d.domain() + " without NOT VALID: PostgreSQL checks"
                + " every column of the domain in every table that uses it, holding SHARE on each table (writes"
                + " wait) until the check ends", "ALTER DOMAIN " + d.domain() + " ADD CONSTRAINT ... NOT VALID;"
                + " (new values are checked at once); validating it later still takes SHARE on each table, so"
                + " run ALTER DOMAIN " + d.domain() + " VALIDATE CONSTRAINT ... off-peak, or put the CHECK on the"
                + " tables' columns instead: ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) NOT VALID, then"
                + " VALIDATE CONSTRAINT in a later migration (it does not block writes)", null, List.of());
    }

    /**
     * MySQL / MariaDB have no NOT VALID: with foreign_key_checks=1 a foreign key, and an enforced CHECK always,
     * is added by copying the table (MySqlDdlKnowledge; measured on MariaDB, the MySQL 8.4 manual's online DDL
     * tables for MySQL). A CHECK ... NOT ENFORCED checks nothing and is left alone.
     */
    private static void mysql(OperationContext ctx, Operation.AddConstraint add) {
        ConstraintDef c = add.constraint();
        SourceSpan clause = clause(ctx, add);
        SourceSpan at = clause == null ? add.span() : clause;
        if (c.kind() == ConstraintDef.Kind.CHECK && notEnforced(ctx, at)) {
            return;
        }
        MySqlOnlineDdl.judge(ctx).ifPresent(v -> {
            boolean fk = c.kind() == ConstraintDef.Kind.FOREIGN_KEY;
            String what = (fk ? "foreign key " + named(ctx, c) + "to " + (c.referencedTable() == null ? "its parent table"
                    : ctx.sql(c.referencedTable())) : "check " + named(ctx, c).trim()) + " on existing table "
                    + ctx.sql(add.table());
            if (v.outcome() == MySqlOnlineDdl.Outcome.REFUSED) {
                ctx.report(at, what + ": " + v.refusal(), mysqlHelp(add.table(), c), null, List.of());
            } else if (v.outcome() == MySqlOnlineDdl.Outcome.HAZARD) {
                ctx.report(at, what + ": on " + DialectNames.of(ctx.dialect()) + ", " + v.effect().note(),
                        mysqlHelp(add.table(), c), null, List.of());
            }
        });
    }

    private static boolean notEnforced(OperationContext ctx, SourceSpan at) {
        return ctx.project().source(at.file()).filter(f -> at.hasOffsets() && at.endOffset() <= f.text().length())
                .map(f -> NOT_ENFORCED.matcher(f.text().substring(at.startOffset(), at.endOffset())).find())
                .orElse(false);
    }

    private static String mysqlHelp(TableName t, ConstraintDef c) {
        String name = c.name() == null ? "<constraint_name>" : c.name();
        if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            String cols = c.columns().isEmpty() ? "<columns>" : String.join(", ", c.columns());
            String parent = c.referencedTable() == null ? "<parent>" : c.referencedTable().toString();
            return "First check that no row is orphaned (SELECT ... FROM " + t + " LEFT JOIN " + parent + " ... WHERE the"
                    + " parent is missing), then add the key in place without the copy: SET foreign_key_checks = 0;"
                    + " ALTER TABLE " + t + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + cols + ") REFERENCES " + parent
                    + " (...), ALGORITHM=INPLACE, LOCK=NONE; SET foreign_key_checks = 1; (or run it with gh-ost or"
                    + " pt-online-schema-change)";
        }
        return "Run it with gh-ost or pt-online-schema-change, or off-peak; or add it NOT ENFORCED (nothing is"
                + " checked), check the rows yourself, and enforce it in a maintenance window";
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
