package dev.lifeguard.rules.transactions;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Statements;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    static boolean isConcurrently(Operation op) {
        return op instanceof Operation.CreateIndex c && c.concurrently()
                || op instanceof Operation.DropIndex d && d.concurrently()
                || op instanceof Operation.Reindex r && r.concurrently();
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
     * set flyway.mixed=true (then nothing of the file is atomic). REINDEX TABLE/INDEX CONCURRENTLY is not
     * among the statements Flyway recognises, so it runs in the transaction and fails.
     */
    private static Optional<String> flyway(Migration m, boolean enumValuesNonTransactional) {
        Operation ordinary = m.operations().stream()
                .filter(o -> !flywayNonTransactional(o) && !(enumValuesNonTransactional && isAddValue(o)))
                .findFirst().orElse(null);
        if (ordinary == null) {
            return Optional.empty();
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
            default -> "Remove the surrounding BEGIN / COMMIT, or move the statement to a migration the tool runs"
                    + " outside a transaction";
        };
    }
}
