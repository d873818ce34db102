package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the statement failed with rows in the table (NOT NULL, cast, unique or check violations). */
@RuleInfo(
        id = "fails-on-existing-data",
        summary = "A statement of the change fails on a table that has rows, although it works on an empty one",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "data"},
        help = "Make the change work with the rows production has: add a default, backfill before constraining, clean duplicates or convert values in batches first")
public final class FailsOnExistingDataRule implements RehearsalRule {
}
