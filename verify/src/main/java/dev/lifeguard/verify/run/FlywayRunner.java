package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.verify.postgres.LockProbe;
import dev.lifeguard.verify.postgres.Observation;
import dev.lifeguard.verify.postgres.Watchdog;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Flyway history with Flyway itself ({@code migrate} up to a target version), with the settings of the
 * project's flyway.conf / Spring properties that shape what runs ({@link FlywaySettings}). Every statement Flyway
 * sends is seen through {@link StatementHook}, so an error names its file and line and a migration of the change is
 * measured statement by statement. Undo files (a Flyway Teams feature) are run as Flyway Teams would, and the
 * migration's row is taken out of Flyway's schema history so that it can be applied again.
 */
final class FlywayRunner implements HistoryRunner {
    private static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";
    private final History history;
    private final Project project;
    private final DataSource db;
    private final DataSource watchers;
    private final StatementHook hook = new StatementHook();
    private final Map<String, String> settings;
    private final ScriptRunner scripts;

    FlywayRunner(History history, Project project, DataSource db, DataSource watchers) {
        this.history = history;
        this.project = project;
        this.db = db;
        this.watchers = watchers;
        this.settings = FlywaySettings.of(project.root(), history.location());
        this.scripts = new ScriptRunner(project, db, history.framework(), history.dialect());
    }

    @Override
    public void applyUnobserved(List<Migration> migrations) throws MigrationFailure {
        Migration last = null;
        for (Migration m : migrations) {
            if (m.version() == null) {
                scripts.applyUnobserved(List.of(m)); // a repeatable: Flyway cannot target it alone
            } else {
                last = m;
            }
        }
        if (last != null) {
            migrate(last, migrations, null, new ArrayList<>());
        }
    }

    @Override
    public List<ObservedStatement> applyObserved(Migration m, Observer observer) throws MigrationFailure {
        if (m.version() == null) {
            return scripts.applyObserved(m, observer);
        }
        List<ObservedStatement> out = new ArrayList<>();
        migrate(m, List.of(m), observer, out);
        return out;
    }

    @Override
    public void reapply(Migration m) throws MigrationFailure {
        applyUnobserved(List.of(m));
    }

    @Override
    public void reverse(Migration m) throws MigrationFailure {
        scripts.undo(m);
        if (m.version() == null) {
            return;
        }
        String table = settings.getOrDefault("flyway.table", "flyway_schema_history");
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + quote(table, history.dialect().isMySqlFamily() ? '`' : '"') + " WHERE version = ?")) {
            ps.setString(1, org.flywaydb.core.api.MigrationVersion.fromVersion(m.id()).getVersion());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new MigrationFailure("could not take " + m.id() + " out of Flyway's schema history: " + e.getMessage(), m.span(), null, e);
        }
    }

    @Override
    public void forgetFailed(Migration m) throws MigrationFailure {
        if (m.version() == null) {
            return;
        }
        String table = settings.getOrDefault("flyway.table", "flyway_schema_history");
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + quote(table, history.dialect().isMySqlFamily() ? '`' : '"')
                     + " WHERE version = ? AND NOT success")) {
            ps.setString(1, org.flywaydb.core.api.MigrationVersion.fromVersion(m.id()).getVersion());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new MigrationFailure("could not take the failed " + m.id() + " out of Flyway's schema history: " + e.getMessage(),
                    m.span(), null, e);
        }
    }

    @Override
    public boolean canReverse(Migration m) {
        return scripts.canReverse(m);
    }

    /** Runs {@code flyway migrate} up to {@code target}, mapping statements of the migrations in {@code watched}. */
    private void migrate(Migration target, List<Migration> watched, Observer observer, List<ObservedStatement> out)
            throws MigrationFailure {
        Tracker tracker = new Tracker(watched, observer, out);
        hook.set(tracker);
        try (Connection watch = watchers.getConnection(); Watchdog watchdog = new Watchdog(watch)) {
            tracker.watchdog = watchdog;
            Map<String, String> plain = new java.util.TreeMap<>(settings);
            String transactionalLock = plain.remove(TRANSACTIONAL_LOCK);
            FluentConfiguration config = Flyway.configure(FlywayRunner.class.getClassLoader()).configuration(plain);
            if (transactionalLock != null) {
                // set through the extension: Flyway's property route for it needs jackson-databind
                config.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                        .setTransactionalLock(Boolean.parseBoolean(transactionalLock));
            }
            config.dataSource(hook.wrap(db))
                    .locations("filesystem:" + project.root().resolve(history.location()).toAbsolutePath())
                    .target(target.id())
                    .callbacks(tracker)
                    .cleanDisabled(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (SQLException e) {
            throw new MigrationFailure("lost the rehearsal database: " + e.getMessage(), target.span(), e.getSQLState(), e);
        } catch (FlywayException | IllegalArgumentException e) {
            if (tracker.failure != null) {
                throw tracker.failure;
            }
            SourceSpan at = tracker.current != null ? tracker.current.span() : target.span();
            throw new MigrationFailure("Flyway: " + ScriptExecution.firstLine(e), at, null, new ScriptExecution.Partial(out, e));
        } finally {
            hook.set(null);
        }
        if (tracker.failure != null) {
            throw tracker.failure;
        }
    }

    /** Follows Flyway from migration to migration and statement to statement. */
    private final class Tracker implements Callback, StatementHook.Hook {
        private final List<Migration> watched;
        private final Observer observer;
        private final List<ObservedStatement> out;
        private Migration current;
        private StatementMatcher matcher;
        private MigrationFailure failure;
        private Watchdog watchdog;

        Tracker(List<Migration> watched, Observer observer, List<ObservedStatement> out) {
            this.watched = watched;
            this.observer = observer;
            this.out = out;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (event != Event.BEFORE_EACH_MIGRATE) {
                current = null;
                matcher = null;
                return;
            }
            String script = context.getMigrationInfo() == null ? null : context.getMigrationInfo().getScript();
            current = null;
            for (Migration m : history.migrations()) {
                if (script != null && Path.of(script).getFileName().toString().equals(m.file().getFileName().toString())) {
                    current = m;
                }
            }
            matcher = current == null ? null : new StatementMatcher(Script.of(project, current.span(), current.operations(), history.dialect()), current.span());
        }

        @Override
        public String getCallbackName() {
            return "lifeguard-verify";
        }

        @Override
        public Object execute(Connection connection, String sql, StatementHook.SqlCall call) throws SQLException {
            if (matcher == null) {
                return call.run();
            }
            Script.Step step = matcher.match(sql);
            SourceSpan at = step == null ? current.span() : step.span();
            boolean inTransaction = !connection.getAutoCommit();
            if (observer == null || !watched.contains(current)) {
                try {
                    Object[] result = new Object[1];
                    watchdog.await(watchdog.start(() -> result[0] = call.run()), LockProbe.backendPid(connection));
                    return result[0];
                } catch (SQLException e) {
                    failure = new MigrationFailure(ScriptExecution.firstLine(e), at, e.getSQLState(), new ScriptExecution.Partial(out, e));
                    throw e;
                }
            }
            Object[] result = new Object[1];
            Observation o = observer.observe(connection, inTransaction,
                    step == null ? null : ScriptExecution.target(observer, step.table()), () -> result[0] = call.run());
            out.add(new ObservedStatement(at, sql, inTransaction, o));
            if (o.failed()) {
                failure = new MigrationFailure(ScriptExecution.firstLine(o.error()), at, o.error().getSQLState(),
                        new ScriptExecution.Partial(out, o.error()));
                throw o.error();
            }
            return result[0];
        }
    }

    private static String quote(String table, char q) {
        int dot = table.indexOf('.');
        return dot < 0 ? q + table + q : q + table.substring(0, dot) + q + "." + q + table.substring(dot + 1) + q;
    }
}
