package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.verify.postgres.Observation;
import dev.lifeguard.verify.postgres.TableRef;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs a {@link Script} on one connection, in one transaction or statement by statement, observed or not. */
final class ScriptExecution {
    private ScriptExecution() {
    }

    /**
     * @param transaction run it all in one transaction (committed at the end, rolled back on failure); else each
     *                    statement on its own, with whatever BEGIN / COMMIT the script has itself
     * @param observer    null to run unobserved
     * @param whole       the migration's span, where a failure is put when no statement can be named
     */
    static List<ObservedStatement> run(Connection c, Script script, boolean transaction, Observer observer,
                                       SourceSpan whole) throws MigrationFailure {
        List<ObservedStatement> out = new ArrayList<>();
        boolean inExplicit = false;
        try {
            c.setAutoCommit(!transaction);
            for (Script.Step step : script.steps()) {
                boolean held = transaction || inExplicit;
                if (step.transactionControl()) {
                    String word = step.sql().strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
                    inExplicit = word.equals("BEGIN") || word.equals("START") || (inExplicit && word.equals("SAVEPOINT"));
                }
                if (observer == null) {
                    try {
                        execute(c, step.sql());
                    } catch (SQLException e) {
                        throw failure(e, step.span());
                    }
                    continue;
                }
                Observation o = observer.observe(c, held && !step.transactionControl(), target(observer, step.table()),
                        () -> execute(c, step.sql()));
                out.add(new ObservedStatement(step.span(), step.sql(), held, o));
                if (o.failed()) {
                    throw failure(o.error(), step.span());
                }
            }
            if (transaction) {
                c.commit();
            }
        } catch (SQLException e) {
            rollback(c);
            throw failure(e, whole);
        } catch (MigrationFailure e) {
            rollback(c);
            throw new MigrationFailure(e.getMessage(), e.span(), e.sqlState(), new Partial(out, e.getCause()));
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed by the caller
            }
        }
        return out;
    }

    /** The statements observed before a failure, carried with it. */
    static final class Partial extends Exception {
        final List<ObservedStatement> observed;

        Partial(List<ObservedStatement> observed, Throwable cause) {
            super(cause);
            this.observed = List.copyOf(observed);
        }
    }

    /** The statements observed before {@code failure}, the failing one last. */
    static List<ObservedStatement> observedBefore(MigrationFailure failure) {
        return failure.getCause() instanceof Partial p ? p.observed : List.of();
    }

    static TableRef target(Observer observer, TableName table) {
        if (table == null) {
            return null;
        }
        return observer.tables().values().stream()
                .filter(t -> t.name().equals(table.name()) && (table.schema() == null ? t.schema().equals("public") : t.schema().equals(table.schema())))
                .findFirst().orElse(null);
    }

    private static final java.util.regex.Pattern TABLE_OF = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE|(?:CREATE|DROP)\\s+(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX"
            + "\\s+\\S+\\s+(?:\\S+\\s+)?ON|TRUNCATE(?:\\s+TABLE)?|OPTIMIZE\\s+TABLE|UPDATE|DELETE\\s+FROM|INSERT\\s+INTO)\\s+"
            + "(?:[`\"]?[\\w$]+[`\"]?\\.)?[`\"]?([\\w$]+)[`\"]?");

    /** The table a statement the runner generated is about (Liquibase's ALTER TABLE / CREATE INDEX ... ON ...), if it had rows. */
    static TableRef targetOf(Observer observer, String sql) {
        java.util.regex.Matcher m = TABLE_OF.matcher(sql);
        return m.find() ? target(observer, new TableName(null, m.group(1))) : null;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            } else {
                execute(c, "ROLLBACK"); // an explicit BEGIN left open; harmless (a warning) when none is
            }
        } catch (SQLException ignored) {
            // the failure being reported is the one that matters
        }
    }

    static MigrationFailure failure(SQLException e, SourceSpan span) {
        return new MigrationFailure(firstLine(e), span, e.getSQLState(), e);
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // PostgreSQL's "ERROR: ", MariaDB Connector/J's "(conn=12) ": not part of the server's message
        return m.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "").replaceFirst("^\\(conn=\\d+\\) ", "").strip();
    }
}
