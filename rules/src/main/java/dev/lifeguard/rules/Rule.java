package dev.lifeguard.rules;

import dev.lifeguard.rules.engine.MigrationContext;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.engine.ProjectContext;
import dev.lifeguard.rules.engine.SuppressionContext;

/**
 * A hazard check. A rule class is annotated with {@link RuleInfo} and overrides whichever of the three
 * visits it needs. The engine calls {@link #visitOperation} for every operation of every forward
 * migration (with the schema as it stood just before that operation), {@link #visitMigration} once per
 * migration after its operations, and {@link #visitProject} once. Rules about the suppression comments
 * themselves override {@link #visitSuppressions}, called last, once the other findings were matched.
 */
public interface Rule {

    default void visitOperation(OperationContext ctx) {
    }

    default void visitMigration(MigrationContext ctx) {
    }

    default void visitProject(ProjectContext ctx) {
    }

    default void visitSuppressions(SuppressionContext ctx) {
    }

    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }
}
