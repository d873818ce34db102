package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the database refused the statement (not because of the rows in it). */
@RuleInfo(
        id = "migration-fails",
        summary = "A statement of the change fails on the database, whatever the data",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "runtime"},
        help = "Fix the statement so that it runs on the target database version; the message carries the database's error")
public final class MigrationFailsRule implements RehearsalRule {
}
