package dev.lifeguard.verify;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.sql.SqlParser;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.ReviewScope;
import dev.lifeguard.rules.rehearsal.HistoryFailsRule;
import dev.lifeguard.rules.rehearsal.NotReapplyableRule;
import dev.lifeguard.rules.rehearsal.ReverseFailsRule;
import dev.lifeguard.rules.rehearsal.ReverseIncompleteRule;
import dev.lifeguard.rules.rehearsal.SeedIncompleteRule;
import dev.lifeguard.rules.reversibility.MissingReverseRule;
import dev.lifeguard.verify.db.DatabaseSupport;
import dev.lifeguard.verify.db.RehearsalServer;
import dev.lifeguard.rules.rehearsal.BreaksRunningVersionRule;
import dev.lifeguard.verify.code.CodeRehearsal;
import dev.lifeguard.verify.db.ReusedSessions;
import dev.lifeguard.verify.postgres.SchemaSnapshot;
import dev.lifeguard.verify.postgres.TableRef;
import dev.lifeguard.verify.run.HistoryRunner;
import dev.lifeguard.verify.run.MigrationFailure;
import dev.lifeguard.verify.run.ObservedStatement;
import dev.lifeguard.verify.run.Observer;
import dev.lifeguard.verify.run.Runners;
import dev.lifeguard.verify.seed.Seeder;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code lifeguard verify}: rehearses the change on a real database. Per history: the migrations before the
 * change are applied with the history's own runner, every table is filled with rows, then each migration of the
 * change is applied with every statement measured, undone with its reverse, compared with the schema before it,
 * and applied again. Without a change under review every migration is rehearsed as a deploy of its own, on the
 * rows of the tables that existed before it.
 */
public final class Rehearsal {
    static final String START = "start the database";
    static final String BASE = "apply the history before the change";
    static final String SEED = "fill the tables";
    static final String CHANGE = "apply the change, measuring each statement";
    static final String CATALOG = "read the catalog (before, after, reversed, applied again)";
    static final String REVERSE = "run the reverses";
    static final String REAPPLY = "apply again after the reverse";
    static final String LINT = "missing reverses (lint's rule)";
    static final String STOP = "stop the database and remove it";
    static final String CODE = "PREPARE the application's statements and uses of the schema (both versions, both schemas)";

    private final VerifyOptions options;
    private final Supplier<RehearsalServer> serverFactory;
    private final Map<String, Long> phases = new java.util.LinkedHashMap<>();

    private void phase(String name, long sinceNanos) {
        phases.merge(name, (System.nanoTime() - sinceNanos) / 1_000_000, Long::sum);
    }

    public Rehearsal(VerifyOptions options) {
        this(options, null);
    }

    /** With a given server (tests share one); null to start one per the options. */
    public Rehearsal(VerifyOptions options, Supplier<RehearsalServer> server) {
        this.options = options;
        this.serverFactory = server;
    }

    public RehearsalReport run(Project project) throws RehearsalException {
        long start = System.nanoTime();
        ReviewScope scope = ReviewScope.of(options.engine().change(), project);
        RehearsalFindings findings = new RehearsalFindings(options.engine());
        List<MigrationRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<History> histories = new ArrayList<>();
        for (History h : project.histories()) {
            boolean any = h.migrations().stream().anyMatch(m -> covered(scope, m) && m.appliesTo(h.dialect()));
            if (!RehearsalServers.rehearses(h.dialect())) {
                notes.add(h.location() + ": a " + h.dialect().id() + " history: verify rehearses PostgreSQL and"
                        + " MariaDB/MySQL histories only; not rehearsed");
            } else if (any) {
                histories.add(h);
            }
        }
        if (histories.isEmpty()) {
            if (project.histories().stream().noneMatch(h -> RehearsalServers.rehearses(h.dialect())) && !project.histories().isEmpty()) {
                throw new RehearsalException("verify rehearses PostgreSQL and MariaDB/MySQL migrations; these are "
                        + project.histories().get(0).dialect().id());
            }
            notes.add("no migration to rehearse" + (options.engine().change() != null ? " in the change" : ""));
            return new RehearsalReport(null, findings.all(), rows, notes, 0, (System.nanoTime() - start) / 1_000_000, phases);
        }
        long deadline = start + options.timeout().toNanos();
        List<String> databases = new ArrayList<>();
        int rehearsed = 0;
        RehearsalServers servers = new RehearsalServers(options, serverFactory, histories, notes);
        for (RehearsalServers.Group group : servers.groups()) {
            long starting = System.nanoTime();
            RehearsalServer server = servers.start(group);
            try {
                phase(START, starting);
                databases.add(server.describe());
                for (History h : group.histories()) {
                    if (System.nanoTime() > deadline) {
                        notes.add(h.location() + ": not rehearsed: the rehearsal ran past its time limit (--timeout)");
                        continue;
                    }
                    String versionNote = RehearsalServers.versionNote(h, server, options.engine());
                    if (versionNote != null) {
                        notes.add(versionNote);
                    }
                    rehearsed += new HistoryRehearsal(project, h, scope, server.freshDatabase(), server.support(), findings,
                            rows, notes, deadline).run();
                }
                RehearsalServers.closeProvided(server, notes);
            } finally {
                long stopping = System.nanoTime();
                server.close();
                phase(STOP, stopping);
            }
        }
        String database = databases.isEmpty() ? null : String.join("; ", databases);
        long linting = System.nanoTime();
        findings.addAll(missingReverse(project, scope, histories));
        phase(LINT, linting);
        return new RehearsalReport(database, findings.all(), rows, notes, rehearsed, (System.nanoTime() - start) / 1_000_000, phases);
    }

    private boolean covered(ReviewScope scope, Migration m) {
        return scope.covers(m) && (options.engine().startAfter() == null || !options.engine().startAfter().covers(m));
    }

    /** A migration of the change without a reverse, as lint reports it: lint's own rule, on the same project. */
    private List<Finding> missingReverse(Project project, ReviewScope scope, List<History> rehearsed) {
        List<Migration> changed = rehearsed.stream().flatMap(h -> h.migrations().stream()).filter(m -> covered(scope, m)).toList();
        List<Finding> lint = new Engine(List.of(new MissingReverseRule()), options.engine()).lint(project).findings();
        return lint.stream().filter(f -> !f.isSuppressed() && changed.stream().anyMatch(m -> m.file().equals(f.span().file())
                && f.span().startLine() >= m.span().startLine() && f.span().startLine() <= m.span().endLine())).toList();
    }

    /** One history on its own database. */
    private final class HistoryRehearsal {
        private final Project project;
        private final History history;
        private final ReviewScope scope;
        private final DataSource db;
        /** The database kind's catalog, seeder and observer. */
        private final DatabaseSupport support;
        /** Lifeguard's own sessions (catalog, probes, seeding), kept open from migration to migration. */
        private final ReusedSessions sessions;
        private final RehearsalFindings findings;
        private final List<MigrationRow> rows;
        private final List<String> notes;
        private final long deadline;
        private final boolean eachOnItsOwn;
        /** The tables with rows, as the next migration of the change finds them. */
        private Map<Long, TableRef> tables = Map.of();
        /** Whether --seed ran (a change runs it once). */
        private boolean seededFromFile;
        /** Tables already reported as left empty (each migration of its own is followed by another fill). */
        private final java.util.Set<String> unfillable = new java.util.HashSet<>();
        /** The catalog as the last rehearsal left it, while nothing else has run since; else null. */
        private SchemaSnapshot latest;

        HistoryRehearsal(Project project, History history, ReviewScope scope, DataSource db, DatabaseSupport support,
                         RehearsalFindings findings, List<MigrationRow> rows, List<String> notes, long deadline) {
            this.project = project;
            this.history = history;
            this.scope = scope;
            this.db = db;
            this.support = support;
            this.sessions = new ReusedSessions(db);
            this.findings = findings;
            this.rows = rows;
            this.notes = notes;
            this.deadline = deadline;
            this.eachOnItsOwn = options.engine().change() == null;
        }

        int run() throws RehearsalException {
            try {
                return rehearseHistory();
            } finally {
                sessions.close();
            }
        }

        private int rehearseHistory() throws RehearsalException {
            List<Migration> ms = history.migrations().stream().filter(m -> m.appliesTo(history.dialect())).toList();
            int first = 0;
            while (first < ms.size() && !covered(scope, ms.get(first))) {
                first++;
            }
            String where = history.location().toString().replace('\\', '/');
            int rehearsed = 0;
            try (HistoryRunner runner = Runners.of(history, project, db, sessions)) {
                long t = System.nanoTime();
                try {
                    runner.applyUnobserved(ms.subList(0, first));
                    phase(BASE, t);
                } catch (MigrationFailure f) {
                    findings.add(new HistoryFailsRule(), f.span(), "the history before the change does not apply on "
                            + support.name() + ", so the change was not rehearsed: " + f.getMessage());
                    ms.subList(first, ms.size()).stream().filter(m -> covered(scope, m))
                            .forEach(m -> rows.add(MigrationRow.notRehearsed(where, m.id(), path(m), "the history before it fails")));
                    return 0;
                }
                tables = seed(first == 0 ? null : ms.get(first - 1));
                long reading = System.nanoTime();
                CodeRehearsal code = null; // both versions' code indexes, PREPAREd below: PREPARE ... FROM is PostgreSQL's
                if (support.dialect() == Dialect.POSTGRESQL) {
                    code = CodeRehearsal.of(scope.code(), project.root());
                } else if (scope.code().reviewed() && !scope.code().codeBase().isEmpty()) {
                    notes.add(where + ": the application's code was not checked against the schema (verify checks it"
                            + " on PostgreSQL only)");
                }
                phase(CODE, reading);
                CodeRehearsal.Checked codeBefore = checkCode(code, null);
                boolean reachedAfter = true;
                for (int i = first; i < ms.size(); i++) {
                    Migration m = ms.get(i);
                    if (!covered(scope, m)) {
                        latest = null;
                        try {
                            runner.applyUnobserved(List.of(m));
                        } catch (MigrationFailure f) {
                            findings.add(new HistoryFailsRule(), f.span(), "a migration outside the change does not apply: " + f.getMessage());
                            return rehearsed;
                        }
                        continue;
                    }
                    if (System.nanoTime() > deadline) {
                        rows.add(MigrationRow.notRehearsed(where, m.id(), path(m), "time limit reached"));
                        reachedAfter = false;
                        continue;
                    }
                    Outcome outcome = rehearse(runner, m, where);
                    rehearsed++;
                    if (outcome == Outcome.STOP) {
                        for (int k = i + 1; k < ms.size(); k++) {
                            if (covered(scope, ms.get(k))) {
                                rows.add(MigrationRow.notRehearsed(where, ms.get(k).id(), path(ms.get(k)), "an earlier migration failed"));
                            }
                        }
                        return rehearsed;
                    }
                    if (eachOnItsOwn) {
                        tables = seed(m);
                    }
                }
                if (codeBefore != null && reachedAfter) {
                    judgeCode(code, codeBefore, checkCode(code, codeBefore));
                }
            }
            return rehearsed;
        }

        /**
         * Both application versions' code, PREPAREd on the database as it is now (see {@link CodeRehearsal}); null when
         * no change is under review or the code uses nothing.
         */
        private CodeRehearsal.Checked checkCode(CodeRehearsal code, CodeRehearsal.Checked before) throws RehearsalException {
            if (code == null) {
                return null;
            }
            long t = System.nanoTime();
            try (Connection c = sessions.getConnection()) {
                return code.check(c, before);
            } catch (SQLException e) {
                throw new RehearsalException("lost the rehearsal database: " + e.getMessage(), e);
            } finally {
                phase(CODE, t);
            }
        }

        private void judgeCode(CodeRehearsal code, CodeRehearsal.Checked before, CodeRehearsal.Checked after) {
            List<Migration> change = history.migrations().stream().filter(m -> covered(scope, m)).toList();
            code.judge(before, after, change, history.migrations().get(0).file(), options.engine().deploy(),
                    history.location().toString(), findings::add, notes);
        }

        private enum Outcome { GO_ON, STOP }

        private Outcome rehearse(HistoryRunner runner, Migration m, String where) throws RehearsalException {
            SchemaSnapshot before = latest != null ? latest : snapshot();
            latest = null;
            List<ObservedStatement> observed;
            MigrationFailure failed = null;
            long applying = System.nanoTime();
            try (Observer observer = observer(tables)) {
                try {
                    observed = runner.applyObserved(m, observer);
                } catch (MigrationFailure f) {
                    failed = f;
                    observed = Runners.observedBefore(f);
                }
            }
            phase(CHANGE, applying);
            long touchedRows = tables.values().stream().filter(t -> touches(m, t)).mapToLong(TableRef::rows).sum();
            Judgement.statements(findings, observed);
            double millis = observed.stream().mapToDouble(s -> s.observation().millis()).sum();
            if (failed != null) {
                Judgement.failure(findings, failed, touchedRows);
                boolean goOn = Judgement.isDataFailure(failed) && applyToEmptiedTables(runner, m);
                rows.add(new MigrationRow(where, m.id(), path(m), goOn ? "failed (then applied to its tables emptied)" : "failed",
                        Judgement.locks(observed), rewrites(observed), millis, touchedRows, "-"));
                if (goOn && !eachOnItsOwn) {
                    tables = seed(m);
                }
                return goOn ? Outcome.GO_ON : Outcome.STOP;
            }
            MigrationRow row = new MigrationRow(where, m.id(), path(m), "ok", Judgement.locks(observed), rewrites(observed),
                    millis, touchedRows, "none");
            failingOldWrites(m, before);
            if (!m.reverse().exists() || !runner.canReverse(m)) {
                rows.add(row.withReverse(m.reverse().exists() ? "not run" : "none"));
                return Outcome.GO_ON;
            }
            SchemaSnapshot after = snapshot();
            SourceSpan reverseAt = m.reverse().span() != null ? m.reverse().span() : m.span();
            long reversing = System.nanoTime();
            try {
                runner.reverse(m);
                phase(REVERSE, reversing);
            } catch (MigrationFailure f) {
                findings.add(new ReverseFailsRule(), f.span(), "the reverse of " + m.id() + " fails after the migration ran: "
                        + f.getMessage() + (f.sqlState() == null ? "" : " (SQLSTATE " + f.sqlState() + ")"));
                rows.add(row.withReverse("failed"));
                return Outcome.GO_ON;
            }
            SchemaSnapshot reversed = snapshot();
            List<String> left = reversed.differencesFrom(before, "is not dropped", "is not restored");
            String status = "ok";
            if (!left.isEmpty()) {
                findings.add(new ReverseIncompleteRule(), startOf(reverseAt), "after the reverse of " + m.id()
                        + ", the schema differs from before the migration: " + list(left));
                status = "incomplete";
            }
            long reapplying = System.nanoTime();
            try {
                runner.reapply(m);
                phase(REAPPLY, reapplying);
            } catch (MigrationFailure f) {
                findings.add(new NotReapplyableRule(), f.span(), "applying " + m.id() + " again after its reverse fails: "
                        + f.getMessage() + (left.isEmpty() ? "" : " (the reverse left: " + list(left) + ")"));
                rows.add(row.withReverse(status.equals("ok") ? "not reapplyable" : status + ", not reapplyable"));
                return Outcome.STOP;
            }
            SchemaSnapshot again = snapshot();
            List<String> differs = again.differencesFrom(after, "is new", "is gone");
            if (!differs.isEmpty()) {
                findings.add(new NotReapplyableRule(), startOf(m.span()), "applying " + m.id() + " again after its reverse"
                        + " gives another schema than the first time: " + list(differs));
                status = status.equals("ok") ? "not reapplyable" : status + ", not reapplyable";
            }
            rows.add(row.withReverse(status));
            latest = again; // the schema the next migration starts from, unless something runs between
            return Outcome.GO_ON;
        }

        /** The running version's INSERTs the migration breaks although it ran (MariaDB's implicit defaults). */
        private void failingOldWrites(Migration m, SchemaSnapshot before) throws RehearsalException {
            try (Connection c = sessions.getConnection()) {
                for (DatabaseSupport.FailingWrite w : support.failingOldWrites(c, before, tables)) {
                    SourceSpan at = m.operations().stream().filter(op -> op instanceof Operation.AddColumn a
                            && a.table().name().equalsIgnoreCase(w.table()) && a.column().name().equalsIgnoreCase(w.column()))
                            .map(Operation::span).findFirst().orElse(m.span());
                    long n = tables.values().stream().filter(t -> t.name().equalsIgnoreCase(w.table())).mapToLong(TableRef::rows).sum();
                    findings.add(new dev.lifeguard.rules.rehearsal.BreaksRunningVersionRule(), at, support.name() + " applied it, filling the " + n
                            + " existing rows of " + w.table() + " with the type's implicit default, but an INSERT that"
                            + " does not name " + w.column() + " (what the version running in production sends) now fails: "
                            + w.error() + "; give " + w.column() + " a DEFAULT, or add it nullable and make it NOT NULL in a"
                            + " later release, once every running version writes it");
                }
            } catch (SQLException e) {
                throw new RehearsalException("lost the rehearsal database: " + e.getMessage(), e);
            }
        }

        /**
         * A migration that failed on the rows: to rehearse what comes after it, it is applied once more with the tables
         * it touches emptied (as if it had been fixed), and they are filled again afterwards.
         */
        private boolean applyToEmptiedTables(HistoryRunner runner, Migration m) {
            List<TableRef> touched = tables.values().stream().filter(t -> touches(m, t)).toList();
            if (touched.isEmpty()) {
                return false;
            }
            try (Connection c = sessions.getConnection()) {
                support.empty(c, touched);
            } catch (SQLException e) {
                return false;
            }
            try {
                runner.forgetFailed(m);
                runner.applyUnobserved(List.of(m));
                return true;
            } catch (MigrationFailure f) {
                return false;
            }
        }

        private Observer observer(Map<Long, TableRef> tables) throws RehearsalException {
            try {
                return support.observer(sessions, tables);
            } catch (SQLException e) {
                throw new RehearsalException("lost the rehearsal database: " + e.getMessage(), e);
            }
        }

        /** Fills the empty tables (or runs --seed once) and returns the tables with their rows. */
        private Map<Long, TableRef> seed(Migration after) throws RehearsalException {
            long t = System.nanoTime();
            try (Connection c = sessions.getConnection()) {
                if (options.seedFile() != null) {
                    // once for a change (again after a migration failed on them, the rows would meet its new constraints)
                    if (eachOnItsOwn ? after == null || rows.isEmpty() : !seededFromFile) {
                        latest = null; // the team's rows may come with schema objects of their own
                        runSeedFile(c);
                        seededFromFile = true;
                    } else if (!eachOnItsOwn) {
                        notes.add(history.location() + ": --seed was not run again after " + after.id() + " failed on its rows:"
                                + " the rest of the change was rehearsed with its tables emptied");
                    }
                } else {
                    for (Seeder.Outcome o : support.fill(c, options.rows())) {
                        if (o.problem() != null && unfillable.add(o.display())) {
                            findings.add(new SeedIncompleteRule(), createdAt(o.schema(), o.table()), "table " + o.display()
                                    + " was left empty for the rehearsal: " + o.problem());
                        }
                    }
                }
                Map<Long, TableRef> filled = support.tablesWithRows(c);
                phase(SEED, t);
                return filled;
            } catch (SQLException e) {
                throw new RehearsalException("could not fill the rehearsal database: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }

        private void runSeedFile(Connection c) throws RehearsalException, SQLException {
            Path file = options.seedFile();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RehearsalException("cannot read --seed " + file + ": " + e.getMessage(), e);
            }
            SourceFile source = new SourceFile(file, text);
            for (SourceSpan s : new SqlParser(support.dialect()).statements(source, 0, text.length())) {
                try (Statement st = c.createStatement()) {
                    st.execute(text.substring(s.startOffset(), s.endOffset()));
                } catch (SQLException e) {
                    throw new RehearsalException("--seed " + file + ":" + s.startLine() + ": "
                            + e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", ""), e);
                }
            }
        }

        private SchemaSnapshot snapshot() throws RehearsalException {
            long t = System.nanoTime();
            try (Connection c = sessions.getConnection()) {
                return support.snapshot(c);
            } catch (SQLException e) {
                throw new RehearsalException("could not read the rehearsal database's catalog: " + e.getMessage(), e);
            } finally {
                phase(CATALOG, t);
            }
        }

        /** The CREATE TABLE of a table in this history, for a note about it; else the history's first file. */
        private SourceSpan createdAt(String schema, String table) {
            for (Migration m : history.migrations()) {
                for (Operation op : m.operations()) {
                    if (op instanceof Operation.CreateTable ct && ct.table().matches(new TableName(schema, table))) {
                        return startOf(ct.span());
                    }
                }
            }
            return SourceSpan.startOf(history.migrations().get(0).file());
        }

        private boolean touches(Migration m, TableRef t) {
            TableName name = new TableName(t.schema(), t.name());
            return m.operations().stream().flatMap(op -> dev.lifeguard.rules.Operations.tables(op).stream())
                    .anyMatch(n -> n.schema() == null ? t.schema().equals("public") && n.name().equals(t.name()) : n.matches(name));
        }

        /** The migration's file, relative to its history's directory (the table's header names the history). */
        private String path(Migration m) {
            Path file = m.file();
            Path location = history.location();
            Path relative = location != null && file.startsWith(location) && !file.equals(location) ? location.relativize(file) : file;
            return relative.toString().replace('\\', '/');
        }
    }

    private static List<String> rewrites(List<ObservedStatement> observed) {
        return observed.stream().flatMap(s -> s.observation().rewritten().stream()).map(TableRef::display).distinct().toList();
    }

    /** A span that starts where {@code span} starts and covers its first line only: findings point at a line. */
    static SourceSpan startOf(SourceSpan span) {
        return span;
    }

    static String list(List<String> items) {
        int shown = Math.min(items.size(), 6);
        return String.join("; ", items.subList(0, shown)) + (items.size() > shown ? "; and " + (items.size() - shown) + " more" : "");
    }
}
