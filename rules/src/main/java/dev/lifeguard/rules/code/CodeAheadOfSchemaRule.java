package dev.lifeguard.rules.code;

import dev.lifeguard.analyzer.code.CodeVersions;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.DeployOrder;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Forward compatibility: the version being deployed uses a table or column that only a migration of the
 * same change creates, and the deploy order ({@code deploy:} in lifeguard.yml) lets the new code start
 * before that migration ran. With the default, migrations at start-up (and with migrations first), new code
 * never meets the old schema, and nothing is reported. Runs only on a change under review.
 */
@RuleInfo(
        id = "code-ahead-of-schema",
        summary = "New code uses a table or column that only this change's migrations create, and may start before them",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract", "code", "deployment"},
        help = "Deploy the migration first and the code that uses it in a later change, or deploy migrations before code")
public final class CodeAheadOfSchemaRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        DeployOrder deploy = ctx.options().deploy();
        if (!deploy.newCodeMayMeetOldSchema() || ctx.options().change() == null || !ctx.underReview()
                || ctx.project().code().isEmpty()) {
            return;
        }
        Operation op = ctx.operation();
        TableName table = null;
        String column = null;
        String what = null;
        if (op instanceof Operation.CreateTable c) {
            table = c.table();
            what = "table " + ctx.sql(table) + " is created";
        } else if (op instanceof Operation.AddColumn a) {
            table = a.table();
            column = a.column().name();
            what = "column " + ctx.sql(table, column) + " is added";
        } else if (op instanceof Operation.RenameTable r) {
            table = r.to();
            what = "table " + ctx.sql(r.from()) + " is renamed to " + ctx.sql(r.to());
        } else if (op instanceof Operation.RenameColumn r) {
            table = r.table();
            column = r.to();
            what = "column " + ctx.sql(r.table(), r.from()) + " is renamed to " + ctx.sql(r.to());
        } else if (op instanceof Operation.AlterColumnType a && renames(a)) {
            table = a.table();
            column = a.definition().name();
            what = "column " + ctx.sql(a.table(), a.column()) + " is renamed to " + ctx.sql(column);
        }
        if (table == null || op instanceof Operation.CreateTable c && c.ifNotExists()
                && ctx.table(table).filter(t -> !t.isPresumed()).isPresent()
                || op instanceof Operation.AddColumn a && a.ifNotExists() && ctx.table(a.table())
                .flatMap(t -> t.column(a.column().name())).isPresent()) {
            return; // IF NOT EXISTS of what is there creates nothing
        }
        CodeVersions versions = ctx.codeVersions();
        if (!versions.codeChanged()) {
            return; // the deployed code is the running code, which ran without this migration
        }
        List<CodeReference> deploying = versions.deploying().referencesTo(table, column);
        if (deploying.isEmpty() || !versions.running().referencesTo(table, column).isEmpty()) {
            return; // the running version used it already: it is not this change that makes the code need it
        }
        List<CodeReference> added = deploying;
        CodeReference first = added.get(0);
        String name = column == null ? ctx.sql(table) : ctx.sql(table, column);
        String verb = first.kind() == CodeReference.Kind.JPA_MAPPING ? "maps" : "uses";
        List<RelatedLocation> related = new ArrayList<>();
        added.forEach(r -> related.add(new RelatedLocation(r.span(), "version being deployed, " + r.kind().label() + ": "
                + r.snippet())));
        ctx.report(op.span(), what + " by this change, and the version being deployed " + verb + " " + name + ": "
                        + first.file().toString().replace('\\', '/') + ":" + first.line() + " (" + first.kind().label() + ")"
                        + (added.size() > 1 ? " (and " + (added.size() - 1) + " more)" : "") + "; with deploy: "
                        + deploy + " the new code may start before this migration runs, and fails on the old schema",
                "Ship this migration in a change of its own and deploy it first, then the code that uses " + name
                        + "; or set deploy: migrations-first in lifeguard.yml if the pipeline always runs migrations"
                        + " before it rolls out code", null, related);
    }

    private static boolean renames(Operation.AlterColumnType a) {
        ColumnDef d = a.definition();
        return a.fullRedefinition() && d.name() != null && !d.name().equals(a.column());
    }
}
