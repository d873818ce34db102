package dev.lifeguard.rules;

import dev.lifeguard.rules.engine.MigrationContext;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.engine.ProjectContext;

/**
 * A hazard check. A rule class is annotated with {@link RuleInfo} and overrides whichever of the three
 * visits it needs. The engine calls {@link #visitOperation} for every operation of every forward
 * migration (with the schema as it stood just before that operation), {@link #visitMigration} once per
 * migration after its operations, and {@link #visitProject} once.
 */
public interface Rule {

    default void visitOperation(OperationContext ctx) {
    }

    default void visitMigration(MigrationContext ctx) {
    }

    default void visitProject(ProjectContext ctx) {
    }

    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }
}
