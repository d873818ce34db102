package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.analyzer.timeline.NetEffect;
import dev.lifeguard.analyzer.timeline.SchemaState;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;

import java.util.List;

/** What a rule sees of one operation: the operation, its migration, and the schema just before it. */
public final class OperationContext extends MigrationContext {
    private final Operation operation;
    private final int index;

    OperationContext(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options, ReviewScope review,
                     Project project, History history, Migration migration, Dialect dialect, SchemaState state,
                     Operation operation, int index) {
        this(rule, metadata, out, options, review, project, history, migration, dialect, state, operation, index,
                NetEffect.NONE);
    }

    OperationContext(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options, ReviewScope review,
                     Project project, History history, Migration migration, Dialect dialect, SchemaState state,
                     Operation operation, int index, NetEffect net) {
        super(rule, metadata, out, options, review, project, history, migration, dialect, state, net);
        this.operation = operation;
        this.index = index;
    }

    /**
     * The net changes the application sees that show at this operation (see {@link MigrationContext#netEffect()}):
     * a compatibility rule reports each at the operation that brings it about, once.
     */
    public List<NetChange> netChanges() {
        // most migrations reshape nothing (NetEffect.NONE): every rule asks at every operation
        return netEffect().changes().isEmpty() ? List.of() : netEffect().at(index);
    }

    /** The net changes of one kind that show at this operation. */
    public <T extends NetChange> List<T> netChanges(Class<T> kind) {
        List<NetChange> here = netChanges();
        return here.isEmpty() ? List.of() : here.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public Operation operation() {
        return operation;
    }

    /** The operations of this migration before the one being visited. */
    public List<Operation> earlierOperations() {
        return migration().operations().subList(0, index);
    }

    /** The operations of this migration after the one being visited. */
    public List<Operation> laterOperations() {
        List<Operation> ops = migration().operations();
        return ops.subList(Math.min(index + 1, ops.size()), ops.size());
    }

    /** Reports at the operation's span with the rule's help. */
    public void report(String message) {
        report(operation.span(), message);
    }
}
