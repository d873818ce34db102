package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.timeline.NetEffect;
import dev.lifeguard.analyzer.timeline.SchemaState;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.RuleVisits;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.rehearsal.RehearsalRules;
import dev.lifeguard.rules.suppress.SuppressionUse;
import dev.lifeguard.rules.suppress.Suppressor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Runs rules over a project: replays each history and visits every operation with the schema before it. */
public final class Engine {
    private final List<Rule> rules;
    private final List<RuleMetadata> metadata;
    private final EngineOptions options;
    private final Set<String> knownIds;
    /**
     * Per dialect (by ordinal), the positions of the rules that apply to it and override visitOperation, and of
     * those that override visitMigration, in rule order: a finding's place in the output is as if every rule were
     * called, and no rule is called for an operation it does not look at (most look at operations or migrations).
     */
    private final int[][] operationRules = new int[Dialect.values().length][];
    private final int[][] migrationRules = new int[Dialect.values().length][];
    private final boolean fingerprints;

    public Engine(List<Rule> rules, EngineOptions options) {
        // verify's finding kinds are known too: a suppression naming one is not "unknown", only idle in lint
        this.knownIds = java.util.stream.Stream.concat(rules.stream().map(r -> r.metadata().id()),
                RehearsalRules.IDS.stream()).collect(Collectors.toUnmodifiableSet());
        this.rules = rules.stream().filter(r -> !options.disabled().contains(r.metadata().id())).toList();
        this.metadata = this.rules.stream().map(Rule::metadata).toList();
        this.options = options;
        this.fingerprints = true;
        int[] visits = new int[this.rules.size()];
        for (int r = 0; r < visits.length; r++) {
            visits[r] = RuleVisits.of(this.rules.get(r));
        }
        for (Dialect dialect : Dialect.values()) {
            operationRules[dialect.ordinal()] = applying(visits, dialect, RuleVisits.OPERATION);
            migrationRules[dialect.ordinal()] = applying(visits, dialect, RuleVisits.MIGRATION);
        }
    }

    private Engine(Engine engine, boolean fingerprints) {
        this.rules = engine.rules;
        this.metadata = engine.metadata;
        this.options = engine.options;
        this.knownIds = engine.knownIds;
        for (int d = 0; d < operationRules.length; d++) {
            operationRules[d] = engine.operationRules[d];
            migrationRules[d] = engine.migrationRules[d];
        }
        this.fingerprints = fingerprints;
    }

    /**
     * This engine, leaving the findings' fingerprints null: for a report that shows none (text, GitHub
     * annotations) and no baseline to match, where hashing every finding's text is wasted.
     */
    public Engine withoutFingerprints() {
        return new Engine(this, false);
    }

    private List<Finding> fingerprinted(List<Finding> findings, Project project) {
        return fingerprints ? Fingerprints.assign(findings, project) : new ArrayList<>(findings);
    }

    private int[] applying(int[] visits, Dialect dialect, int visit) {
        int[] positions = new int[rules.size()];
        int n = 0;
        for (int r = 0; r < positions.length; r++) {
            if ((visits[r] & visit) != 0 && metadata.get(r).appliesTo(dialect)) {
                positions[n++] = r;
            }
        }
        return java.util.Arrays.copyOf(positions, n);
    }

    public LintResult lint(Project project) {
        return lint(project, m -> true, () -> {
        });
    }

    /**
     * Lints with the rules visiting only the migrations {@code focus} accepts; the others are replayed, so the
     * schema each focused migration sees is the same, and project-wide rules still see everything. An editor
     * checking one file focuses on the migrations of that file (whose findings are all it shows).
     *
     * @param checkpoint called before each migration; throws to abandon the run (the editor's text is stale)
     */
    public LintResult lint(Project project, Predicate<Migration> focus, Runnable checkpoint) {
        List<Finding> out = new ArrayList<>();
        List<SourceSpan> deployed = new ArrayList<>();
        ReviewScope review = ReviewScope.of(options.change(), project);
        int checked = 0;
        for (History history : project.histories()) {
            SchemaState schema = new SchemaState();
            Migration previous = null;
            for (Migration migration : history.migrations()) {
                if (RunsOn.startsEmpty(migration, previous)) {
                    schema = new SchemaState(); // a baseline is applied to an empty database only
                }
                previous = migration;
                // the dbms attribute, contexts and preconditions decide where it runs (see RunsOn)
                Dialect dialect = RunsOn.dialect(migration, history.dialect(), schema).orElse(null);
                if (dialect == null) {
                    continue;
                }
                // A changeSet for another database is judged by that database's rules, against the schema as
                // the linted database has it, without changing that schema.
                SchemaState state = dialect == history.dialect() ? schema : schema.copy();
                if (options.startAfter() != null && options.startAfter().covers(history, migration)) {
                    // already deployed: replayed so later migrations see its tables, never reported on
                    deployed.add(migration.span());
                    migration.operations().forEach(op -> state.apply(migration, op));
                    continue;
                }
                checkpoint.run();
                if (!focus.test(migration)) {
                    migration.operations().forEach(op -> state.apply(migration, op));
                    continue;
                }
                if (review.covers(migration)) {
                    checked++;
                }
                visit(out, review, project, history, migration, dialect, state);
            }
        }
        for (int r = 0; r < rules.size(); r++) {
            rules.get(r).visitProject(new ProjectContext(rules.get(r), metadata.get(r), out, options, review,
                    project));
        }
        List<Finding> withPrints = suppress(fingerprinted(out, project), project);
        if (!deployed.isEmpty()) {
            // deployed migrations are context only: nothing in them is reported, neither what a project-wide
            // rule (duplicate-version) points at nor a suppression comment that found nothing to suppress
            withPrints.removeIf(f -> deployed.stream().anyMatch(d -> within(f.span(), d)));
        }
        if (options.change() != null) {
            // everything was replayed for context; what the reviewer is asked about is the change itself: the
            // files it touches, and in a changelog it appended to, only the changeSets it added or edited
            // (suppressions were matched first, so a comment in an unchanged file is judged on its own findings)
            withPrints.removeIf(f -> !review.reports(f.span()));
        }
        withPrints.sort(Engine::reportOrder);
        return new LintResult(project, withPrints, checked);
    }

    /**
     * The rules' visits of one migration's operations, then of the migration, with the schema just before each
     * operation. A method of its own: called once per migration, the JIT compiles it early in a long history
     * (as one loop of lint it ran interpreted until the loop itself was compiled, late in the run).
     */
    private void visit(List<Finding> out, ReviewScope review, Project project, History history, Migration migration,
                       Dialect dialect, SchemaState state) {
        List<Operation> ops = migration.operations();
        // what the application sees: the schema before the migration against the schema after it commits
        NetEffect net = NetEffect.of(state, migration, span -> Spans.text(span, project).orElse(null));
        int[] onOperations = operationRules[dialect.ordinal()];
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            for (int r : onOperations) {
                rules.get(r).visitOperation(new OperationContext(rules.get(r), metadata.get(r), out, options,
                        review, project, history, migration, dialect, state, op, i, net));
            }
            state.apply(migration, op);
        }
        for (int r : migrationRules[dialect.ordinal()]) {
            rules.get(r).visitMigration(new MigrationContext(rules.get(r), metadata.get(r), out, options,
                    review, project, history, migration, dialect, state, net));
        }
    }

    /** By file, line, column and rule (written out: Comparator.comparing's lambdas link anew at every start-up). */
    private static int reportOrder(Finding a, Finding b) {
        int c = a.span().file().toString().compareTo(b.span().file().toString());
        if (c == 0) {
            c = Integer.compare(a.span().startLine(), b.span().startLine());
        }
        if (c == 0) {
            c = Integer.compare(a.span().startColumn(), b.span().startColumn());
        }
        return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
    }

    private static boolean within(SourceSpan span, SourceSpan outer) {
        return span.file().equals(outer.file()) && span.startLine() >= outer.startLine()
                && span.startLine() <= outer.endLine();
    }

    /** Marks the findings that suppression comments cover, then lets the rules about those comments report. */
    private List<Finding> suppress(List<Finding> findings, Project project) {
        Suppressor suppressor = Suppressor.of(project);
        List<Finding> marked = new ArrayList<>(suppressor.apply(findings));
        List<SuppressionUse> uses = suppressor.uses();
        if (uses.isEmpty()) {
            return marked;
        }
        Set<String> running = Set.copyOf(metadata.stream().map(RuleMetadata::id).toList());
        List<Finding> about = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            rules.get(r).visitSuppressions(new SuppressionContext(rules.get(r), metadata.get(r), about, options, project,
                    uses, knownIds, running));
        }
        marked.addAll(fingerprinted(about, project));
        return marked;
    }
}
