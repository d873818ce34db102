package dev.lifeguard.rules.mysql;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Statements;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.mysql.MySqlDdlEffect.Algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How the rules judge an ALTER TABLE clause on MySQL / MariaDB: {@link MySqlDdlKnowledge}'s effect for the
 * target version, read together with the ALGORITHM= / LOCK= clauses the statement states. A stated
 * ALGORITHM=INSTANT|INPLACE or LOCK=NONE makes the server refuse what it cannot do that way instead of
 * blocking, so such a statement either runs online or fails at deploy; ALGORITHM=COPY or LOCK=SHARED|EXCLUSIVE
 * asks for the blocking form on purpose.
 */
public final class MySqlOnlineDdl {
    private static final Set<String> BLOCKING_LOCKS = Set.of("SHARED", "EXCLUSIVE");
    private static final Set<String> OFF = Set.of("0", "off", "false", "'0'", "'off'");

    private MySqlOnlineDdl() {
    }

    /** The ALGORITHM= / LOCK= clauses of a statement, as written (upper case, null when absent). */
    public record Stated(String algorithm, String lock) {
        public boolean forcesBlocking() {
            return "COPY".equals(algorithm) || lock != null && BLOCKING_LOCKS.contains(lock);
        }

        public boolean any() {
            return algorithm != null || lock != null;
        }

        public String text() {
            List<String> parts = new ArrayList<>();
            if (algorithm != null) {
                parts.add("ALGORITHM=" + algorithm);
            }
            if (lock != null) {
                parts.add("LOCK=" + lock);
            }
            return String.join(", ", parts);
        }
    }

    public enum Outcome {
        /** The server runs it without copying the table and while writes go on. */
        ONLINE,
        /** It copies or rebuilds the table, or blocks writes. */
        HAZARD,
        /** The stated ALGORITHM / LOCK cannot be honoured: the server refuses the statement, the deploy fails. */
        REFUSED
    }

    /** A clause judged: what the server does with it, and what the statement asked for. */
    public record Verdict(Outcome outcome, MySqlDdlEffect effect, Stated stated, String server) {
        /** The sentence for a refused statement. */
        public String refusal() {
            Algorithm asked = Algorithm.parse(stated.algorithm());
            String refused = asked != null && effect.algorithm().compareTo(asked) > 0 ? "ALGORITHM=" + asked
                    : "LOCK=NONE";
            return "the statement asks for " + stated.text() + ", which " + server + " cannot honour here ("
                    + effect.note() + "): it refuses the statement (\"" + refused + " is not supported\"), and the"
                    + " deploy fails";
        }
    }

    /** The clause's verdict on the target version; empty when the knowledge has no answer for it. */
    public static Optional<Verdict> judge(OperationContext ctx) {
        Operation op = ctx.operation();
        MySqlDdlKnowledge knowledge = MySqlDdlKnowledge.forTarget(ctx.targetVersion());
        Optional<MySqlDdlEffect> effect = knowledge.effect(op, context(ctx, op));
        if (effect.isEmpty()) {
            return Optional.empty();
        }
        Stated stated = stated(op, ctx.migration().operations());
        MySqlDdlEffect e = effect.get();
        Outcome outcome;
        Algorithm asked = Algorithm.parse(stated.algorithm());
        if (stated.any() && !e.accepts(asked == Algorithm.COPY ? null : asked, stated.lock())) {
            outcome = Outcome.REFUSED;
        } else if (stated.forcesBlocking()) {
            outcome = Outcome.HAZARD;
        } else {
            outcome = e.isHazard() ? Outcome.HAZARD : Outcome.ONLINE;
        }
        return Optional.of(new Verdict(outcome, e, stated, DialectNames.of(ctx.dialect())));
    }

    /** What the knowledge needs to know about the schema and the session at this operation. */
    public static MySqlDdlKnowledge.Context context(OperationContext ctx, Operation op) {
        ColumnState old = null;
        if (op instanceof Operation.AlterColumnType t) {
            old = ctx.table(t.table()).flatMap(s -> s.column(t.column())).orElse(null);
        }
        return new MySqlDdlKnowledge.Context(old == null ? null : old.type(), old == null ? null : old.nullable(),
                foreignKeyChecks(ctx.earlierOperations()));
    }

    /** Whether foreign_key_checks is on at this point of the migration (the server's default is on). */
    public static boolean foreignKeyChecks(List<Operation> earlier) {
        boolean on = true;
        for (Operation op : earlier) {
            if (op instanceof Operation.SessionSetting s && s.name().equals("foreign_key_checks")) {
                on = !OFF.contains(s.value().trim().toLowerCase(Locale.ROOT));
            }
        }
        return on;
    }

    /** The ALGORITHM= / LOCK= clauses of the statement this operation belongs to. */
    public static Stated stated(Operation op, List<Operation> migrationOps) {
        String algorithm = null;
        String lock = null;
        for (Operation o : Statements.siblings(op, migrationOps)) {
            if (o instanceof Operation.OnlineDdlOptions d) {
                algorithm = d.algorithm() != null ? d.algorithm() : algorithm;
                lock = d.lock() != null ? d.lock() : lock;
            } else if (o instanceof Operation.CreateIndex c) {
                algorithm = c.algorithm() != null ? c.algorithm() : algorithm;
                lock = c.lock() != null ? c.lock() : lock;
            }
        }
        return new Stated(algorithm == null ? null : algorithm.toUpperCase(Locale.ROOT),
                lock == null ? null : lock.toUpperCase(Locale.ROOT));
    }
}
