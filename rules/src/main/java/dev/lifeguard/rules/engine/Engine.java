package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.timeline.SchemaState;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs rules over a project: replays each history and visits every operation with the schema before it. */
public final class Engine {
    private final List<Rule> rules;
    private final List<RuleMetadata> metadata;
    private final EngineOptions options;

    public Engine(List<Rule> rules, EngineOptions options) {
        this.rules = rules.stream().filter(r -> !options.disabled().contains(r.metadata().id())).toList();
        this.metadata = this.rules.stream().map(Rule::metadata).toList();
        this.options = options;
    }

    public LintResult lint(Project project) {
        List<Finding> out = new ArrayList<>();
        int checked = 0;
        for (History history : project.histories()) {
            SchemaState schema = new SchemaState();
            for (Migration migration : history.migrations()) {
                Dialect dialect = migration.dialectOn(history.dialect()).orElse(null);
                if (dialect == null) {
                    continue;
                }
                // A changeSet for another database is judged by that database's rules, against the schema as
                // the linted database has it, without changing that schema.
                SchemaState state = dialect == history.dialect() ? schema : schema.copy();
                if (options.change() == null || options.change().touches(migration.file())) {
                    checked++;
                }
                List<Operation> ops = migration.operations();
                for (int i = 0; i < ops.size(); i++) {
                    Operation op = ops.get(i);
                    for (int r = 0; r < rules.size(); r++) {
                        if (metadata.get(r).appliesTo(dialect)) {
                            rules.get(r).visitOperation(new OperationContext(rules.get(r), metadata.get(r), out, options,
                                    project, history, migration, dialect, state, op, i));
                        }
                    }
                    state.apply(migration, op);
                }
                for (int r = 0; r < rules.size(); r++) {
                    if (metadata.get(r).appliesTo(dialect)) {
                        rules.get(r).visitMigration(new MigrationContext(rules.get(r), metadata.get(r), out, options,
                                project, history, migration, dialect, state));
                    }
                }
            }
        }
        for (int r = 0; r < rules.size(); r++) {
            rules.get(r).visitProject(new ProjectContext(rules.get(r), metadata.get(r), out, options, project));
        }
        if (options.change() != null) {
            // everything was replayed for context; what the reviewer is asked about is the change itself
            out.removeIf(f -> !options.change().touches(f.span().file()));
        }
        List<Finding> withPrints = Fingerprints.assign(out, project);
        withPrints.sort(Comparator.comparing((Finding f) -> f.span().file().toString())
                .thenComparingInt(f -> f.span().startLine())
                .thenComparingInt(f -> f.span().startColumn())
                .thenComparing(Finding::ruleId));
        return new LintResult(project, withPrints, checked);
    }
}
