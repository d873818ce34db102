package dev.lifeguard.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The metadata generated at build time (GeneratedRuleIndex) says exactly what each rule's @RuleInfo says. */
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
    void aRuleTheIndexDoesNotKnowIsReadFromItsAnnotation() {
        RuleMetadata metadata = new Unindexed().metadata();
        assertEquals("unindexed-test-rule", metadata.id());
        assertEquals("Help with \"quotes\" and a \\ backslash", metadata.help());
    }

    @RuleInfo(id = "unindexed-test-rule", summary = "A rule compiled without the index",
            severity = dev.lifeguard.analyzer.model.Severity.WARNING, help = "Help with \"quotes\" and a \\ backslash")
    static final class Unindexed implements Rule {
    }
}
