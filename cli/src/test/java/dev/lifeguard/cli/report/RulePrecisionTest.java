package dev.lifeguard.cli.report;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulePrecisionTest {
    /** A new rule needs a decision on how sure it is, not a silent default. */
    @Test
    void everyBuiltinRuleHasItsPrecision() {
        List<String> missing = BuiltinRules.all().stream().map(r -> r.metadata().id())
                .filter(id -> !RulePrecision.isListed(id)).toList();
        assertEquals(List.of(), missing, "add these rules to RulePrecision");
        for (Rule r : BuiltinRules.all()) {
            assertTrue(Set.of("very-high", "high", "medium").contains(RulePrecision.of(r.metadata().id())));
        }
    }

    @Test
    void anUnknownRuleIsHigh() {
        assertEquals("high", RulePrecision.of("some-plugin-rule"));
    }
}
