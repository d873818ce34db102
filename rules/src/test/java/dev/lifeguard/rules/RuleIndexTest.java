package dev.lifeguard.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The metadata generated at build time (GeneratedRuleIndex) says exactly what each rule's @RuleInfo says, and the
 * visits it records (GeneratedRuleVisits) are the methods each rule overrides.
 */
class RuleIndexTest {

    @Test
    void theGeneratedIndexMatchesEveryRulesAnnotation() throws Exception {
        @SuppressWarnings("unchecked")
        var index = (java.util.function.Function<String, RuleMetadata>) Class
                .forName("dev.lifeguard.rules.GeneratedRuleIndex").getDeclaredConstructor().newInstance();
        for (Rule rule : BuiltinRules.all()) {
            RuleMetadata indexed = index.apply(rule.getClass().getName());
            assertNotNull(indexed, rule.getClass().getName() + " is missing from the generated index");
            assertEquals(RuleMetadata.fromAnnotation(rule.getClass()), indexed, rule.getClass().getName());
            assertEquals(indexed, rule.metadata());
        }
        assertNull(index.apply(String.class.getName()));
    }

    @Test
    void theGeneratedVisitsAreTheMethodsEveryRuleOverrides() {
        int all = 0;
        for (Rule rule : BuiltinRules.all()) {
            int reflected = RuleVisits.reflected(rule.getClass());
            assertEquals(reflected, RuleVisits.of(rule), rule.getClass().getName());
            assertNotEquals(0, reflected, rule.getClass().getName() + " visits nothing");
            all |= reflected;
        }
        // every kind of visit is overridden by some rule, so each bit was checked against reflection
        assertEquals(RuleVisits.OPERATION | RuleVisits.MIGRATION | RuleVisits.PROJECT | RuleVisits.SUPPRESSIONS, all);
    }

    @Test
    void aRuleTheIndexDoesNotKnowHasItsVisitsReadByReflection() {
        assertEquals(0, RuleVisits.of(new Unindexed()));
        assertEquals(RuleVisits.MIGRATION, RuleVisits.of(new UnindexedMigrationRule()));
        assertEquals(RuleVisits.MIGRATION, RuleVisits.of(new UnindexedMigrationRule() {
        }), "an override in a superclass counts");
    }

    @Test
    void aRuleTheIndexDoesNotKnowIsReadFromItsAnnotation() {
        RuleMetadata metadata = new Unindexed().metadata();
        assertEquals("unindexed-test-rule", metadata.id());
        assertEquals("Help with \"quotes\" and a \\ backslash", metadata.help());
    }

    @RuleInfo(id = "unindexed-test-rule", summary = "A rule compiled without the index",
            severity = dev.lifeguard.analyzer.model.Severity.WARNING, help = "Help with \"quotes\" and a \\ backslash")
    static final class Unindexed implements Rule {
    }

    static class UnindexedMigrationRule implements Rule {
        @Override
        public void visitMigration(dev.lifeguard.rules.engine.MigrationContext ctx) {
        }
    }
}
