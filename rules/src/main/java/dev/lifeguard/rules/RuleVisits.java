package dev.lifeguard.rules;

import dev.lifeguard.rules.engine.MigrationContext;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.engine.ProjectContext;
import dev.lifeguard.rules.engine.SuppressionContext;

import java.util.function.ToIntFunction;

/**
 * Which of {@link Rule}'s visits a rule class overrides, so the engine calls a rule only where it looks (most
 * rules look at operations or at migrations, few at both): read from what the build wrote (rules/src/build:
 * RuleIndexProcessor), without reflecting over methods at every start-up; a class the build did not index (a
 * rule compiled elsewhere, a test's) is asked by reflection. {@code RuleIndexTest} checks the two agree.
 */
public final class RuleVisits {
    public static final int OPERATION = 1;
    public static final int MIGRATION = 2;
    public static final int PROJECT = 4;
    public static final int SUPPRESSIONS = 8;

    private static final ToIntFunction<String> INDEX = index();

    private RuleVisits() {
    }

    /** The bits of the visits the rule's class overrides. */
    public static int of(Rule rule) {
        int indexed = INDEX.applyAsInt(rule.getClass().getName());
        return indexed >= 0 ? indexed : reflected(rule.getClass());
    }

    /** The same, asked of the class itself by reflection. */
    static int reflected(Class<?> ruleClass) {
        return overrides(ruleClass, "visitOperation", OperationContext.class, OPERATION)
                | overrides(ruleClass, "visitMigration", MigrationContext.class, MIGRATION)
                | overrides(ruleClass, "visitProject", ProjectContext.class, PROJECT)
                | overrides(ruleClass, "visitSuppressions", SuppressionContext.class, SUPPRESSIONS);
    }

    private static int overrides(Class<?> ruleClass, String name, Class<?> context, int bit) {
        try {
            return ruleClass.getMethod(name, context).getDeclaringClass() == Rule.class ? 0 : bit;
        } catch (NoSuchMethodException e) {
            return bit; // cannot tell: called, as before
        }
    }

    @SuppressWarnings("unchecked")
    private static ToIntFunction<String> index() {
        try {
            return (ToIntFunction<String>) Class.forName(RuleVisits.class.getPackageName() + ".GeneratedRuleVisits")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return ruleClass -> -1;
        }
    }
}
