package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the table stayed empty (or short of rows) while the change was rehearsed. */
@RuleInfo(
        id = "seed-incomplete",
        summary = "A table could not be filled with synthetic rows, so its hazards were rehearsed on an empty table",
        severity = Severity.NOTE,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "data"},
        help = "Give lifeguard verify rows for it with --seed FILE.sql, or simplify the constraint that kept the rows out")
public final class SeedIncompleteRule implements RehearsalRule {
}
