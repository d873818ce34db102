package dev.lifeguard.rules.reversibility;

import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.List;

@RuleInfo(
        id = "missing-reverse",
        summary = "A migration with no reverse script and no automatic rollback",
        severity = Severity.WARNING,
        tags = {"reversibility"},
        help = "Write the reverse next to the migration (undo/down file or rollback block), or declare it irreversible on purpose with an empty rollback")
public final class MissingReverseRule implements Rule {
    /** The last history asked about, by identity: asking once per migration scanned it again each time (n²). */
    private History lastHistory;
    private boolean lastExpects;

    @Override
    public void visitMigration(MigrationContext ctx) {
        Migration m = ctx.migration();
        if (m.reverse().kind() != Reverse.Kind.NONE || m.kind() == Migration.Kind.REPEATABLE || m.runOnChange()
                || m.baseline() // applied to an empty database only: undoing it is dropping the database
                || m.operations().isEmpty() || !expectsReverseCached(ctx.history())) {
            return;
        }
        ctx.report(Spans.firstLine(m.span(), ctx.project()), "migration " + m.id() + " has no " + reverseName(m.framework())
                + ": it cannot be rolled back if the release has to be", help(m), null, List.of());
    }

    /**
     * Liquibase and dbmate have the reverse built into the format, so every migration is expected to fill it.
     * Separate reverse files are a convention a team adopts or not: only a history that has at least one
     * of them is held to it, or a project that never wrote undo scripts would get a warning per file.
     */
    private synchronized boolean expectsReverseCached(History history) {
        if (history != lastHistory) {
            lastExpects = expectsReverse(history);
            lastHistory = history;
        }
        return lastExpects;
    }

    static boolean expectsReverse(History history) {
        return history.framework() == Framework.LIQUIBASE || history.framework() == Framework.DBMATE
                || history.migrations().stream().anyMatch(m -> m.reverse().exists());
    }

    private static String reverseName(Framework framework) {
        return switch (framework) {
            case FLYWAY -> "undo script (U file)";
            case GOLANG_MIGRATE -> "down file";
            case DIESEL -> "down.sql";
            case DBMATE -> "migrate:down section";
            case LIQUIBASE -> "rollback, and its changes cannot be rolled back automatically";
            default -> "reverse script";
        };
    }

    private static String help(Migration m) {
        String file = m.file().getFileName() == null ? "" : m.file().getFileName().toString();
        return switch (m.framework()) {
            case FLYWAY -> "Add U" + m.version() + "__" + file.replaceFirst("^[^_]*__", "")
                    + " next to it with the statements that undo it";
            case GOLANG_MIGRATE -> "Add " + file.replace(".up.", ".down.") + " next to it with the statements that undo it";
            case DIESEL -> "Add down.sql next to up.sql with the statements that undo it";
            case DBMATE -> "Add a -- migrate:down section with the statements that undo it";
            case LIQUIBASE -> "Add a <rollback> block (rollback: in YAML, --rollback in formatted SQL) with the changes"
                    + " that undo it; an empty <rollback/> declares it irreversible on purpose";
            default -> m.framework() == Framework.PLAIN_SQL || m.framework() == Framework.PRISMA
                    ? "Write a script that undoes it and keep it next to the migration"
                    : "Add a reverse script";
        };
    }
}
