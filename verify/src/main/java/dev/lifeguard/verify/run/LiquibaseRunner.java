package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.verify.postgres.LockProbe;
import dev.lifeguard.verify.postgres.Observation;
import dev.lifeguard.verify.postgres.Watchdog;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.core.ExecuteShellCommandChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs a Liquibase changelog with Liquibase itself: {@code update} by count (the history before the change, then
 * one changeSet at a time), {@code rollback} by count (a changeSet's {@code <rollback>}, or the rollback Liquibase
 * derives). Contexts, labels and preconditions are Liquibase's. Statements are seen through {@link StatementHook}
 * and tied to the change being run. {@code executeCommand} (it runs a program) and {@code customChange} (it loads
 * the project's classes) are never run: such a changeSet fails the rehearsal with a clear message.
 */
final class LiquibaseRunner implements HistoryRunner {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger LIQUIBASE_LOGGER = Logger.getLogger("liquibase");

    private final History history;
    private final Project project;
    private final DataSource db;
    private final DataSource watchers;
    private final StatementHook hook = new StatementHook();

    LiquibaseRunner(History history, Project project, DataSource db, DataSource watchers) {
        this.history = history;
        this.project = project;
        this.db = db;
        this.watchers = watchers;
        LIQUIBASE_LOGGER.setLevel(Level.OFF);
    }

    @Override
    public void applyUnobserved(List<Migration> migrations) throws MigrationFailure {
        if (!migrations.isEmpty()) {
            run(migrations, null, new ArrayList<>(), false);
        }
    }

    @Override
    public List<ObservedStatement> applyObserved(Migration m, Observer observer) throws MigrationFailure {
        List<ObservedStatement> out = new ArrayList<>();
        run(List.of(m), observer, out, false);
        return out;
    }

    @Override
    public void reverse(Migration m) throws MigrationFailure {
        run(List.of(m), null, new ArrayList<>(), true);
    }

    @Override
    public boolean canReverse(Migration m) {
        return m.reverse().kind() == Reverse.Kind.ROLLBACK_BLOCK || m.reverse().kind() == Reverse.Kind.AUTOMATIC;
    }

    /** {@code update} (or {@code rollback}) of as many changeSets as {@code migrations}, watching them. */
    private void run(List<Migration> migrations, Observer observer, List<ObservedStatement> out, boolean rollback)
            throws MigrationFailure {
        Tracker tracker = new Tracker(migrations, observer, out, rollback);
        hook.set(tracker);
        Migration last = migrations.get(migrations.size() - 1);
        try (Connection raw = db.getConnection(); Connection watch = watchers.getConnection(); Watchdog watchdog = new Watchdog(watch)) {
            tracker.watchdog = watchdog;
            Connection connection = hook.wrap(raw);
            inScope(() -> {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Liquibase liquibase = new Liquibase(changelogPath(), Scope.getCurrentScope().getResourceAccessor(), database);
                withoutEnvironment(liquibase.getChangeLogParameters());
                refuseUnsafe(liquibase.getDatabaseChangeLog(), migrations);
                liquibase.setChangeExecListener(tracker);
                if (rollback) {
                    liquibase.rollback(1, new Contexts(), new LabelExpression());
                } else {
                    liquibase.update(migrations.size(), new Contexts(), new LabelExpression());
                }
                return null;
            });
        } catch (MigrationFailure f) {
            throw f;
        } catch (Exception e) {
            if (tracker.failure != null) {
                throw tracker.failure;
            }
            Migration at = tracker.current != null ? tracker.current : last;
            SourceSpan span = rollback && at.reverse().span() != null ? at.reverse().span() : at.span();
            throw new MigrationFailure("Liquibase: " + ScriptExecution.firstLine(rootCause(e)), span, sqlState(e),
                    new ScriptExecution.Partial(out, e));
        } finally {
            hook.set(null);
        }
        if (tracker.failure != null) {
            throw tracker.failure;
        }
    }

    /** executeCommand runs a program and customChange loads the project's classes: neither runs in a rehearsal. */
    private static void refuseUnsafe(DatabaseChangeLog changelog, List<Migration> migrations) throws MigrationFailure {
        for (ChangeSet cs : changelog.getChangeSets()) {
            for (Change c : cs.getChanges()) {
                if (c instanceof ExecuteShellCommandChange || c instanceof CustomChangeWrapper) {
                    Migration m = migrations.stream().filter(x -> x.id().equals(cs.getId() + "::" + cs.getAuthor())).findFirst().orElse(null);
                    if (m != null) {
                        throw new MigrationFailure("changeSet " + m.id() + " has a " + (c instanceof ExecuteShellCommandChange
                                ? "executeCommand (it runs a program)" : "customChange (it loads the project's classes)")
                                + ", which lifeguard verify never runs", m.span(), null, null);
                    }
                }
            }
        }
    }

    private String changelogPath() {
        return history.location().toString().replace('\\', '/');
    }

    /** Liquibase scoped to the project: quiet, no analytics, resources only under the project root. */
    private <T> T inScope(Callable<T> work) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), accessor());
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", false);
        scope.put("liquibase.secureParsing", true);
        scope.put("liquibase.validateXmlChangelogFiles", false);
        scope.put("liquibase.showBanner", false);
        return Scope.child(scope, work::call);
    }

    /** The project root, and every src/main/resources below it (where classpath-style includes resolve). */
    private ResourceAccessor accessor() throws IOException {
        List<ResourceAccessor> all = new ArrayList<>();
        all.add(new DirectoryResourceAccessor(project.root()));
        try (Stream<Path> dirs = Files.walk(project.root(), 8)) {
            for (Path d : dirs.filter(Files::isDirectory).filter(p -> p.endsWith(Path.of("src", "main", "resources"))).toList()) {
                all.add(new DirectoryResourceAccessor(d));
            }
        }
        return new CompositeResourceAccessor(all);
    }

    /** No environment variables or system properties in ${...}: a changelog must not copy secrets into SQL. */
    private static void withoutEnvironment(ChangeLogParameters params) {
        try {
            Field f = ChangeLogParameters.class.getDeclaredField("systemParameters");
            f.setAccessible(true);
            ((Collection<?>) f.get(params)).clear();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a Liquibase without that field does not add them the same way
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof SQLException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** Follows Liquibase from changeSet to change to statement. */
    private final class Tracker extends AbstractChangeExecListener implements StatementHook.Hook {
        private final List<Migration> watched;
        private final Observer observer;
        private final List<ObservedStatement> out;
        private final boolean rollback;
        private Migration current;
        private List<SourceSpan> changeSpans = List.of();
        private int change = -1;
        private MigrationFailure failure;
        private Watchdog watchdog;

        Tracker(List<Migration> watched, Observer observer, List<ObservedStatement> out, boolean rollback) {
            this.watched = watched;
            this.observer = observer;
            this.out = out;
            this.rollback = rollback;
        }

        private void enter(ChangeSet cs) {
            current = null;
            for (Migration m : history.migrations()) {
                if (m.id().equals(cs.getId() + "::" + cs.getAuthor())) {
                    current = m;
                }
            }
            change = -1;
            changeSpans = current == null ? List.of() : current.operations().stream().map(Operation::span).distinct().toList();
        }

        @Override
        public void willRun(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.RunStatus status) {
            enter(changeSet);
        }

        @Override
        public void willRollback(ChangeSet changeSet, DatabaseChangeLog log, Database database) {
            enter(changeSet);
        }

        @Override
        public void willRun(Change c, ChangeSet changeSet, DatabaseChangeLog log, Database database) {
            change++;
        }

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.ExecType execType) {
            current = null;
        }

        private SourceSpan span() {
            if (current == null) {
                return null;
            }
            if (rollback) {
                return current.reverse().span() != null ? current.reverse().span() : current.span();
            }
            return change >= 0 && change < changeSpans.size() ? changeSpans.get(change) : current.span();
        }

        @Override
        public Object execute(Connection connection, String sql, StatementHook.SqlCall call) throws SQLException {
            SourceSpan at = span();
            if (at == null) {
                return call.run();
            }
            boolean inTransaction = !connection.getAutoCommit();
            Object[] result = new Object[1];
            if (observer == null || !watched.contains(current)) {
                try {
                    watchdog.await(watchdog.start(() -> result[0] = call.run()), LockProbe.backendPid(connection));
                    return result[0];
                } catch (SQLException e) {
                    failure = new MigrationFailure(ScriptExecution.firstLine(e), at, e.getSQLState(), new ScriptExecution.Partial(out, e));
                    throw e;
                }
            }
            // MariaDB's DDL runs outside a transaction: it is measured on its table (PostgreSQL's inside one, from pg_locks)
            var target = history.dialect().isMySqlFamily() ? ScriptExecution.targetOf(observer, sql) : null;
            Observation o = observer.observe(connection, inTransaction, target, () -> result[0] = call.run());
            out.add(new ObservedStatement(at, sql, inTransaction, o));
            if (o.failed()) {
                failure = new MigrationFailure(ScriptExecution.firstLine(o.error()), at, o.error().getSQLState(),
                        new ScriptExecution.Partial(out, o.error()));
                throw o.error();
            }
            return result[0];
        }
    }
}
