package dev.lifeguard.rules.transactions;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Operations;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Statements;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.List;

/**
 * MySQL, MariaDB and Oracle commit before and after every DDL statement, whatever transaction the tool
 * opened, so a migration with two of them can stop half-way with the first applied. Reported once per
 * migration, on the second DDL statement, where the half-applied state begins.
 */
@RuleInfo(
        id = "non-atomic-migration",
        summary = "Several DDL statements in one migration on a database whose DDL commits on its own",
        severity = Severity.WARNING,
        dialects = {Dialect.MYSQL, Dialect.MARIADB, Dialect.ORACLE},
        tags = {"transaction", "atomicity"},
        help = "Put one DDL statement in each migration (combine changes to one table into one ALTER TABLE), so a failed migration can simply be re-run")
public final class NonAtomicMigrationRule implements Rule {

    @Override
    public void visitMigration(MigrationContext ctx) {
        List<List<Operation>> ddl = Statements.of(ctx.migration().operations()).stream()
                .filter(s -> s.stream().anyMatch(Operations::isSchemaChange)).toList();
        if (ddl.size() < 2) {
            return;
        }
        Operation second = ddl.get(1).get(0);
        String unit = ctx.migration().framework() == Framework.LIQUIBASE ? "changeSet" : "migration";
        String help = "Split it: one DDL statement per " + unit + " (several changes to one table fit in one ALTER"
                + " TABLE), so a failure leaves nothing half-applied and the " + unit + " can simply be re-run";
        ctx.report(second.span(), "this " + unit + " holds " + ddl.size() + " DDL statements, and " + ctx.dialect()
                + " commits each one on its own: if this statement or a later one fails, the ones before it (from"
                + " line " + ddl.get(0).get(0).span().startLine() + ") stay applied and the " + unit
                + " cannot be re-run as it is", help, null, List.of());
    }
}
