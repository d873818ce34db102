package dev.lifeguard.rules.data;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Operation.DataChangeKind;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Operations;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A data change next to DDL on an existing table: in one transaction the DDL's lock is held for as long as
 * the data change runs, and where DDL commits on its own the pair cannot be re-run after a failure.
 * INSERTs are left out: seeding a few rows next to a schema change is common and harmless, and the model
 * cannot tell them from a mass INSERT ... SELECT. Reported once per migration, on the first data change.
 */
@RuleInfo(
        id = "schema-and-data-mixed",
        summary = "Data changes in the same migration as schema changes on an existing table",
        severity = Severity.WARNING,
        tags = {"data", "transaction", "expand-contract"},
        help = "Move the UPDATE/DELETE into a migration of its own (or a background job) and run it in batches after the schema change is deployed")
public final class SchemaAndDataMixedRule implements Rule {

    @Override
    public void visitMigration(MigrationContext ctx) {
        List<Operation> ops = ctx.migration().operations();
        Set<String> createdHere = Operations.createdTables(ops);
        Optional<Operation> ddl = ops.stream().filter(o -> Operations.isSchemaChange(o) && onExisting(ctx, o, createdHere))
                .findFirst();
        if (ddl.isEmpty()) {
            return;
        }
        Optional<Operation.DataChange> dml = ops.stream().filter(o -> o instanceof Operation.DataChange)
                .map(o -> (Operation.DataChange) o)
                .filter(d -> d.kind() != DataChangeKind.INSERT && (d.table() == null
                        || !createdHere.contains(d.table().name()) && !ctx.isNewTable(d.table())))
                .findFirst();
        if (dml.isEmpty()) {
            return;
        }
        Operation.DataChange d = dml.get();
        String unit = ctx.migration().framework() == Framework.LIQUIBASE ? "changeSet" : "migration";
        // where each DDL statement commits on its own, no lock of the schema change outlives it
        Dialect dialect = ctx.dialect();
        boolean ownCommits = dialect.isMySqlFamily() || dialect == Dialect.ORACLE;
        String consequence = ownCommits || !ctx.migration().inTransaction()
                ? (ownCommits ? DialectNames.of(dialect) + " commits the schema change on its own"
                   : "the " + unit + " runs without a transaction") + ", so a failure of the data change leaves the"
                  + " schema changed and the rows half-changed, and the " + unit + " cannot simply be run again"
                : "the schema change's lock is held while the data changes, and a failure half-way leaves both to sort"
                  + " out by hand";
        ctx.report(d.span(), d.kind() + (d.table() == null ? "" : " of " + ctx.sql(d.table())) + " in the same " + unit
                + " as a schema change of existing table " + ctx.sql(Operations.tables(ddl.get()).get(0)) + " (line "
                + ddl.get().span().startLine() + "): " + consequence, ctx.metadata().help(), null, List.of());
    }

    private static boolean onExisting(MigrationContext ctx, Operation op, Set<String> createdHere) {
        List<TableName> tables = Operations.tables(op);
        return !(op instanceof Operation.CreateTable) && !tables.isEmpty()
                && tables.stream().anyMatch(t -> !createdHere.contains(t.name()) && !ctx.isNewTable(t));
    }
}
