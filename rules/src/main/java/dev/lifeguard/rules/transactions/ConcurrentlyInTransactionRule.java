package dev.lifeguard.rules.transactions;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Statements;
import dev.lifeguard.rules.engine.MigrationContext;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

@RuleInfo(
        id = "concurrently-in-transaction",
        summary = "CONCURRENTLY inside a migration that runs in a transaction fails at deploy",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL},
        tags = {"transaction", "index"},
        help = "Move the CONCURRENTLY statement into its own migration that runs outside a transaction")
public final class ConcurrentlyInTransactionRule implements Rule {
    /**
     * ALTER TYPE ... ADD VALUE fails inside a transaction block before PostgreSQL 12 exactly as
     * CONCURRENTLY does on every version, and moves out of the transaction the same way: reported here.
     */
    private static final String ADD_VALUE = "ALTER TYPE ADD VALUE";
    /** Atlas's file directive that runs the file outside a transaction. */
    private static final Pattern DBMATE_DOWN_NO_TX =
            Pattern.compile("(?m)^--\\s*migrate:down\\b[^\\n]*\\btransaction\\s*:\\s*false\\b");
    private static final Pattern ATLAS_NO_TX = Pattern.compile("(?im)^\\s*--\\s*atlas:txmode\\s+none\\b");

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        boolean before12 = ctx.dialect() == Dialect.POSTGRESQL && !ctx.targetVersion().atLeast(12);
        boolean addsEnumValue = before12 && isAddValue(op);
        if (!isConcurrently(op) && !addsEnumValue) {
            return;
        }
        if (Statements.siblings(op, ctx.migration().operations()).stream().filter(ConcurrentlyInTransactionRule::isConcurrently)
                .findFirst().orElse(op) != op) {
            return; // DROP INDEX CONCURRENTLY a, b: one statement, one finding
        }
        String when = addsEnumValue ? " before PostgreSQL 12 (target " + ctx.targetVersion() + ")" : "";
        String error = addsEnumValue ? "ALTER TYPE ... ADD" : statement(op);
        whyInTransaction(ctx, before12).ifPresent(why -> ctx.report(op.span(), statement(op)
                + " cannot run inside a transaction block" + when + ", and " + why + ": the deploy fails with \""
                + error + " cannot run inside a transaction block\"", help(ctx.migration().framework(), statement(op)),
                null, List.of()));
    }

    /**
     * Reverse scripts run as their migration's direction does: a Flyway undo file by Flyway's statement rule,
     * a golang-migrate down file as one multi-statement query, diesel's down.sql under the same metadata.toml,
     * a dbmate down section in a transaction unless {@code -- migrate:down transaction:false}, a Liquibase
     * rollback as its changeSet. A CONCURRENTLY that fails there fails the rollback, when it is needed most.
     */
    @Override
    public void visitMigration(MigrationContext ctx) {
        Migration m = ctx.migration();
        List<Operation> reverse = m.reverse().operations();
        for (int i = 0; i < reverse.size(); i++) {
            Operation op = reverse.get(i);
            if (isConcurrently(op)) {
                reverseInTransaction(ctx, m, reverse, i).ifPresent(why -> ctx.report(op.span(), statement(op)
                        + " in the reverse of " + m.id() + " cannot run inside a transaction block, and " + why
                        + ": the rollback fails with \"" + statement(op) + " cannot run inside a transaction block\"",
                        reverseHelp(m.framework()), null, List.of()));
            }
        }
    }

    private static Optional<String> reverseInTransaction(MigrationContext ctx, Migration m, List<Operation> reverse,
                                                         int index) {
        if (openedByBegin(reverse.subList(0, index))) {
            return Optional.of("an explicit BEGIN earlier in the reverse opens one");
        }
        switch (m.framework()) {
            case FLYWAY: {
                Operation ordinary = reverse.stream().filter(o -> !flywayNonTransactional(o)).findFirst().orElse(null);
                return ordinary == null ? Optional.empty() : Optional.of("the undo script also holds a statement"
                        + " that runs in a transaction (line " + ordinary.span().startLine() + "), so Flyway runs it in"
                        + " one or refuses to mix them");
            }
            case GOLANG_MIGRATE: {
                int statements = Statements.of(reverse).size();
                if (statements > 1) {
                    return Optional.of("golang-migrate sends the down file's " + statements + " statements as one"
                            + " multi-statement query, which PostgreSQL runs as one implicit transaction");
                }
                return m.inTransaction() ? Optional.of("the down migration runs in a transaction like its up"
                        + " migration (name both *.autocommit.*)") : Optional.empty();
            }
            case DIESEL:
                return m.inTransaction() ? Optional.of("diesel runs down.sql in a transaction unless the migration's"
                        + " metadata.toml says run_in_transaction = false") : Optional.empty();
            case DBMATE: {
                boolean noTransaction = ctx.project().source(m.file())
                        .map(f -> DBMATE_DOWN_NO_TX.matcher(f.text()).find()).orElse(false);
                return noTransaction ? Optional.empty() : Optional.of("dbmate runs the migrate:down section in a"
                        + " transaction unless it is marked -- migrate:down transaction:false");
            }
            case LIQUIBASE:
                return m.inTransaction() ? Optional.of("the rollback runs in the changeSet's transaction (Liquibase's"
                        + " default without runInTransaction=\"false\")") : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static String reverseHelp(Framework framework) {
        return switch (framework) {
            case FLYWAY -> "Keep the CONCURRENTLY statement alone in the undo file (Flyway then runs it outside a"
                    + " transaction), or set executeInTransaction=false in its .sql.conf";
            case GOLANG_MIGRATE -> "Give the down file that single statement, with no BEGIN (ory/popx: name it"
                    + " *.autocommit.down.sql)";
            case DIESEL -> "Set run_in_transaction = false in the migration's metadata.toml (it covers down.sql too),"
                    + " and keep the CONCURRENTLY statement the only one";
            case DBMATE -> "Mark the section -- migrate:down transaction:false";
            case LIQUIBASE -> "Give the changeSet runInTransaction=\"false\", or drop the index without CONCURRENTLY"
                    + " in the rollback if a short lock is acceptable there";
            default -> "Remove the surrounding BEGIN / COMMIT";
        };
    }

    static boolean isConcurrently(Operation op) {
        return op instanceof Operation.CreateIndex c && c.concurrently()
                || op instanceof Operation.DropIndex d && d.concurrently()
                || op instanceof Operation.Reindex r && r.concurrently()
                || op instanceof Operation.DetachPartition p && p.concurrently();
    }

    /**
     * Why the statement runs in a transaction, or empty when it does not; {@code enumValuesNonTransactional}
     * when the target is older than PostgreSQL 12, where Flyway runs ALTER TYPE ... ADD VALUE outside one.
     */
    static Optional<String> whyInTransaction(OperationContext ctx, boolean enumValuesNonTransactional) {
        Migration m = ctx.migration();
        if (openedByBegin(ctx.earlierOperations())) {
            return Optional.of("an explicit BEGIN earlier in the migration opens one");
        }
        if (m.framework() == Framework.GOLANG_MIGRATE) {
            int statements = Statements.of(m.operations()).size();
            if (statements > 1) {
                return Optional.of("golang-migrate sends the file's " + statements + " statements as one"
                        + " multi-statement query, which PostgreSQL runs as one implicit transaction");
            }
            return m.inTransaction() ? Optional.of("the migration runs in a transaction") : Optional.empty();
        }
        if (m.framework() == Framework.PLAIN_SQL && !m.inTransaction()) {
            return plainFile(ctx, m, enumValuesNonTransactional);
        }
        if (!m.inTransaction()) {
            return Optional.empty();
        }
        return switch (m.framework()) {
            case FLYWAY -> flyway(m, enumValuesNonTransactional);
            case LIQUIBASE -> Optional.of("the changeSet runs in a transaction (Liquibase's default without"
                    + " runInTransaction=\"false\")");
            case DIESEL -> Optional.of("diesel runs each migration in a transaction unless its metadata.toml says"
                    + " run_in_transaction = false");
            default -> Optional.of(m.framework().displayName() + " runs the migration in a transaction");
        };
    }

    /**
     * Flyway looks at every statement of a PostgreSQL script: when one of them cannot run in a transaction
     * (CREATE/DROP INDEX CONCURRENTLY, REINDEX SCHEMA/DATABASE/SYSTEM, VACUUM, ...) it runs the whole script
     * without one, and when the script also holds an ordinary statement it refuses it, unless the project
     * set flyway.mixed=true (then nothing of the file is atomic). REINDEX TABLE/INDEX CONCURRENTLY and DETACH
     * PARTITION ... CONCURRENTLY are not among the statements Flyway recognises, so they run in the transaction
     * and fail.
     */
    private static Optional<String> flyway(Migration m, boolean enumValuesNonTransactional) {
        Operation ordinary = m.operations().stream()
                .filter(o -> !flywayNonTransactional(o) && !(enumValuesNonTransactional && isAddValue(o)))
                .findFirst().orElse(null);
        if (ordinary == null) {
            return Optional.empty();
        }
        if (ordinary instanceof Operation.DetachPartition p && p.concurrently()) {
            return Optional.of("Flyway does not recognise DETACH PARTITION ... CONCURRENTLY as non-transactional, so"
                    + " it runs the file in a transaction (set executeInTransaction=false in its .sql.conf)");
        }
        if (ordinary instanceof Operation.Reindex r && r.concurrently()) {
            return Optional.of("Flyway does not recognise REINDEX " + r.targetKind() + " CONCURRENTLY as"
                    + " non-transactional, so it runs the file in a transaction (set executeInTransaction=false in"
                    + " its .sql.conf)");
        }
        return Optional.of("the file also holds a statement that runs in a transaction (line "
                + ordinary.span().startLine() + "): Flyway refuses to mix them (\"Detected both transactional and"
                + " non-transactional statements\"), and with flyway.mixed=true runs none of the file atomically");
    }

    /**
     * A plain .sql file names no runner, and every common runner runs a file that mixes CONCURRENTLY with
     * other statements as one unit: Atlas ({@code migrate apply --tx-mode file}, its default) and dbmate wrap
     * the file in a transaction; golang-migrate (unless {@code x-multi-statement=true}) and Prisma send it as
     * one multi-statement query, which PostgreSQL runs as one implicit transaction; Flyway refuses the mix.
     * Only a file that runs statement by statement (psql -f, golang-migrate with x-multi-statement) gets
     * through. A file marked {@code -- atlas:txmode none}, one that says BEGIN / COMMIT itself, or one holding
     * CONCURRENTLY statements only, is left alone: the runner decides, and the common ones run it.
     */
    private static Optional<String> plainFile(OperationContext ctx, Migration m, boolean enumValuesNonTransactional) {
        boolean noTransaction = ctx.project().source(m.file())
                .map(f -> ATLAS_NO_TX.matcher(f.text()).find()).orElse(false);
        if (noTransaction || m.operations().stream().anyMatch(o -> o instanceof Operation.TransactionControl)) {
            return Optional.empty(); // the file manages its transactions itself: it is run statement by statement
        }
        Operation ordinary = m.operations().stream()
                .filter(o -> !isConcurrently(o) && !flywayNonTransactional(o)
                        && !(enumValuesNonTransactional && isAddValue(o)))
                .findFirst().orElse(null);
        if (ordinary == null) {
            return Optional.empty();
        }
        return Optional.of("the file also holds an ordinary statement (line " + ordinary.span().startLine()
                + "), and the runners that take a plain .sql file run it as one unit: Atlas wraps each file in a"
                + " transaction (unless it starts with -- atlas:txmode none), dbmate too (unless -- migrate:up"
                + " transaction:false), golang-migrate and Prisma send the whole file as one multi-statement query,"
                + " which PostgreSQL runs as one implicit transaction, and Flyway refuses to mix the two kinds;"
                + " only a runner that sends the statements one at a time outside a transaction (psql -f,"
                + " golang-migrate with x-multi-statement=true) runs it");
    }

    /** The statements Flyway's PostgreSQL parser marks as unable to run in a transaction. */
    private static boolean flywayNonTransactional(Operation op) {
        if (op instanceof Operation.CreateIndex c) {
            return c.concurrently();
        }
        if (op instanceof Operation.DropIndex d) {
            return d.concurrently();
        }
        if (op instanceof Operation.Reindex r) {
            String kind = r.targetKind() == null ? "" : r.targetKind().toUpperCase(Locale.ROOT);
            return kind.equals("SCHEMA") || kind.equals("DATABASE") || kind.equals("SYSTEM");
        }
        if (op instanceof Operation.Vacuum) {
            return true;
        }
        if (op instanceof Operation.Other o && o.kind() != null) {
            String k = o.kind().toUpperCase(Locale.ROOT);
            return k.matches("(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION).*|ALTER SYSTEM.*|DISCARD ALL.*");
        }
        return false;
    }

    /** Flyway runs ALTER TYPE ... ADD VALUE outside a transaction when the server is older than 12. */
    private static boolean isAddValue(Operation op) {
        return op instanceof Operation.Other o && ADD_VALUE.equals(o.kind());
    }

    private static boolean openedByBegin(List<Operation> earlier) {
        boolean open = false;
        for (Operation op : earlier) {
            if (op instanceof Operation.TransactionControl tc) {
                if (tc.kind() == Operation.TransactionKind.BEGIN) {
                    open = true;
                } else if (tc.kind() == Operation.TransactionKind.COMMIT
                        || tc.kind() == Operation.TransactionKind.ROLLBACK) {
                    open = false;
                }
            }
        }
        return open;
    }

    private static String statement(Operation op) {
        if (isAddValue(op)) {
            return "ALTER TYPE ... ADD VALUE";
        }
        if (op instanceof Operation.CreateIndex) {
            return "CREATE INDEX CONCURRENTLY";
        }
        if (op instanceof Operation.DetachPartition) {
            return "ALTER TABLE ... DETACH CONCURRENTLY"; // PostgreSQL's own words in the error
        }
        return op instanceof Operation.DropIndex ? "DROP INDEX CONCURRENTLY" : "REINDEX CONCURRENTLY";
    }

    private static String help(Framework framework, String statement) {
        String help = help(framework);
        return statement.startsWith("ALTER TYPE") ? help.replace("the CONCURRENTLY statement", "the ALTER TYPE ... ADD"
                + " VALUE").replace("CREATE INDEX CONCURRENTLY ...", "ALTER TYPE ... ADD VALUE ...") : help;
    }

    private static String help(Framework framework) {
        return switch (framework) {
            case FLYWAY -> "Put the CONCURRENTLY statement alone in its own Flyway migration (Flyway then runs it"
                    + " outside a transaction), or set executeInTransaction=false in <file>.sql.conf";
            case LIQUIBASE -> "Put it in its own changeSet with runInTransaction=\"false\":"
                    + " <changeSet id=\"...\" author=\"...\" runInTransaction=\"false\"><sql>CREATE INDEX CONCURRENTLY"
                    + " ...</sql></changeSet>";
            case GOLANG_MIGRATE -> "Put the CONCURRENTLY statement alone in its own migration file, with no BEGIN"
                    + " (ory/popx: name it *.autocommit.up.sql)";
            case DIESEL -> "Put it in its own migration whose metadata.toml says run_in_transaction = false";
            case DBMATE -> "Put it in its own migration marked -- migrate:up transaction:false";
            case PLAIN_SQL -> "Put the CONCURRENTLY statement alone in its own migration file, with no BEGIN;"
                    + " under Atlas start that file with -- atlas:txmode none";
            default -> "Remove the surrounding BEGIN / COMMIT, or move the statement to a migration the tool runs"
                    + " outside a transaction";
        };
    }
}
