package dev.lifeguard.rules.code;

import dev.lifeguard.analyzer.model.CodeBase;
import dev.lifeguard.analyzer.model.SchemaChangeInCode;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.ProjectContext;

import java.util.List;
import java.util.Locale;

@RuleInfo(
        id = "app-managed-schema",
        summary = "The application is set up to change the database schema itself",
        severity = Severity.WARNING,
        tags = {"deployment", "code"},
        help = "Set ddl-auto to validate or none and change the schema only through migrations (Flyway or Liquibase run by the app is fine)")
public final class AppManagedSchemaRule implements Rule {

    @Override
    public void visitProject(ProjectContext ctx) {
        CodeBase code = ctx.project().code();
        if (code.isEmpty()) {
            return;
        }
        for (SchemaChangeInCode s : code.settings()) {
            ctx.report(s.span(), s.setting() + "=" + s.value() + ": the application changes the schema itself at"
                    + " start-up, unreviewed, while the previous version still runs against it",
                    "Set " + s.setting() + " to validate (or none) and write the change as a migration", null, List.of());
        }
        if (reviewingNoSource(ctx)) {
            // only findings in files the change touches are reported: scanning every source (each one read)
            // would find only what is then dropped; a pre-commit run staging migrations alone pays nothing
            return;
        }
        for (SchemaChangeInCode s : code.ddlInCode()) {
            ctx.report(s.span(), s.value() + " in application code: the application changes the schema itself,"
                    + " outside the migrations", "Move this statement into a migration", null, List.of());
        }
    }

    private static boolean reviewingNoSource(ProjectContext ctx) {
        return ctx.options().reviewed()
                .map(change -> change.presentFiles().stream().map(f -> f.getFileName().toString().toLowerCase(Locale.ROOT))
                        .noneMatch(name -> name.endsWith(".java") || name.endsWith(".kt")))
                .orElse(false);
    }
}
