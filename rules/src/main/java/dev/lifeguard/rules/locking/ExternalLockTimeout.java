package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SessionDefault;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lock_timeout set for the migrations outside them, which {@code missing-lock-timeout} must not ask for again:
 * <ul>
 *   <li>lifeguard.yml's {@code lock-timeout:}, the team's statement that the deployment sets it;</li>
 *   <li>the deployment's configuration: Flyway's initSql, Spring's {@code spring.flyway.init-sqls}, a connection
 *       pool's init SQL, a JDBC URL's {@code options=-c lock_timeout=...} ({@link SessionDefault});</li>
 *   <li>an earlier migration of the history that set it for the role or the database
 *       ({@code ALTER ROLE|USER|DATABASE ... SET lock_timeout}), unless a later one reset it. It applies from
 *       the next connection on, so to the migrations of later deploys, which are the ones that meet live traffic.</li>
 * </ul>
 */
final class ExternalLockTimeout {
    static final String SETTING = "lock_timeout";
    private static final Pattern ALTER_SET = Pattern.compile(
            "(?is)^\\s*ALTER\\s+(ROLE|USER|DATABASE)\\s+.*?\\b(SET\\s+lock_timeout\\s*(?:=|\\bTO\\b)\\s*('[^']*'|\\S+?)"
                    + "|RESET\\s+(?:lock_timeout|ALL))\\s*;?\\s*$");

    private ExternalLockTimeout() {
    }

    /**
     * Where the timeout is set outside this migration, said for a message; empty when it is not.
     *
     * @param setByEarlier per history, for each migration, what an earlier migration of it set (computed once)
     */
    static Optional<String> of(MigrationContext ctx, Map<History, Map<Migration, String>> setByEarlier) {
        String stated = ctx.options().lockTimeout();
        if (stated != null && !stated.isBlank()) {
            return Optional.of("lifeguard.yml: lock-timeout: " + stated);
        }
        List<SessionDefault> configured = ctx.project().sessionDefaults().of(SETTING);
        if (!configured.isEmpty()) {
            SessionDefault s = configured.get(0);
            return Optional.of(s.how() + " in " + s.span().file().toString().replace('\\', '/') + ":" + s.span().startLine());
        }
        Map<Migration, String> earlier;
        synchronized (setByEarlier) {
            earlier = setByEarlier.computeIfAbsent(ctx.history(), h -> earlierMigrations(ctx, h));
        }
        return Optional.ofNullable(earlier.get(ctx.migration()));
    }

    /** For each migration of the history, the role or database setting in force from earlier ones, if any. */
    private static Map<Migration, String> earlierMigrations(MigrationContext ctx, History history) {
        Map<Migration, String> inForce = new IdentityHashMap<>();
        String setBy = null;
        for (Migration m : history.migrations()) {
            if (setBy != null) {
                inForce.put(m, setBy);
            }
            for (Operation op : m.operations()) {
                if (!(op instanceof Operation.Other)) {
                    continue;
                }
                Optional<String> text = text(ctx, op);
                if (text.isEmpty()) {
                    continue;
                }
                Matcher alter = ALTER_SET.matcher(text.get());
                if (!alter.find()) {
                    continue;
                }
                boolean reset = alter.group(2).toUpperCase(Locale.ROOT).startsWith("RESET");
                boolean sets = !reset && new SessionDefault(SETTING, alter.group(3), op.span(), "").isSet();
                setBy = !sets ? null : "ALTER " + alter.group(1).toUpperCase(Locale.ROOT) + " ... SET lock_timeout in "
                        + op.span().file().toString().replace('\\', '/') + ":" + op.span().startLine();
            }
        }
        return inForce;
    }

    private static Optional<String> text(MigrationContext ctx, Operation op) {
        Optional<SourceFile> file = ctx.project().source(op.span().file());
        int start = op.span().statementStart() >= 0 ? op.span().statementStart() : op.span().startOffset();
        int end = op.span().endOffset();
        if (file.isEmpty() || start < 0 || end <= start || end > file.get().text().length()) {
            return Optional.empty();
        }
        return Optional.of(file.get().text().substring(start, end));
    }
}
