package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the head revision's SQL was PREPAREd against the schema before the change and failed. */
@RuleInfo(
        id = "needs-migration-first",
        summary = "A statement of the version being deployed does not work on the schema before the change, so the migration must run before the new code starts",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL},
        tags = {"verify", "compatibility"},
        help = "Deploy the migration before the code that needs it, or make the code tolerate the old schema")
public final class NeedsMigrationFirstRule implements RehearsalRule {
}
