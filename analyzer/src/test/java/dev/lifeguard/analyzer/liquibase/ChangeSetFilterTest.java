package dev.lifeguard.analyzer.liquibase;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * lifeguard.yml's {@code liquibase: contexts:} and {@code label-filter:} against a changeSet's own and inherited
 * expressions, as Liquibase's --contexts and --label-filter decide (WhichChangeSetsRunOnPostgresTest checks the
 * same against Liquibase running a changelog).
 */
class ChangeSetFilterTest {

    private static boolean contexts(String given, String own, String... inherited) {
        return new ChangeSetFilter(given, null).accepts(List.of(inherited), own, Set.of());
    }

    private static boolean labels(String filter, String... labels) {
        return new ChangeSetFilter(null, filter).accepts(List.of(), null, Set.of(labels));
    }

    @Test
    void nothingGivenRunsEverything() {
        assertTrue(ChangeSetFilter.ALL.accepts(List.of("eu"), "test and !prod", Set.of("beta")));
        assertTrue(new ChangeSetFilter("  ", "").accepts(List.of(), "test", Set.of()), "blank is not given");
    }

    @Test
    void aChangeSetWithoutContextRunsWhateverIsGiven() {
        assertTrue(contexts("prod", null));
        assertTrue(contexts("prod", ""));
    }

    @Test
    void contextExpressions() {
        assertTrue(contexts("test", "test"));
        assertFalse(contexts("prod", "test"));
        assertTrue(contexts("PROD", "prod"), "contexts compare case-insensitively");
        assertFalse(contexts("test", "!test"));
        assertTrue(contexts("prod", "!test"));
        assertTrue(contexts("prod,eu", "prod and eu"));
        assertFalse(contexts("prod", "prod and eu"));
        assertTrue(contexts("test", "prod or test"));
        assertTrue(contexts("dev", "dev, test"), "a comma is or");
        assertTrue(contexts("dev", "(prod or dev) and !eu"));
        assertFalse(contexts("dev, eu", "(prod or dev) and !eu"));
        assertTrue(contexts("prod, eu", "prod and eu"), "the given list may have spaces");
    }

    @Test
    void inheritedContextsMustMatchToo() {
        assertTrue(contexts("eu", null, "eu"), "an include's context");
        assertFalse(contexts("prod", null, "eu"));
        assertFalse(contexts("prod", "prod", "eu"), "the include's context also applies to a changeSet with its own");
        assertTrue(contexts("prod,eu", "prod", "eu"));
        assertTrue(contexts("reporting", null, "reporting or test"), "a changelog's own context");
        assertFalse(contexts("test", "!test", "reporting or test"));
        assertFalse(contexts("dev", null, "reporting or test"));
    }

    @Test
    void labelFilterExpressions() {
        assertTrue(labels("v2", "v2"));
        assertFalse(labels("v2", "v3"));
        assertTrue(labels("v2 and !beta", "v2"));
        assertFalse(labels("v2 and !beta", "v2", "beta"));
        assertTrue(labels("!regional"), "a changeSet without labels matches a negation");
        assertFalse(labels("!regional", "regional"));
        assertTrue(labels("v3 or regional", "regional"));
        assertTrue(labels("(v2 or v3) and !beta", "v3"));
    }

    @Test
    void contextsAndLabelsBothApply() {
        ChangeSetFilter both = new ChangeSetFilter("prod", "!beta");
        assertTrue(both.accepts(List.of(), "prod", Set.of("v2")));
        assertFalse(both.accepts(List.of(), "prod", Set.of("beta")));
        assertFalse(both.accepts(List.of(), "test", Set.of("v2")));
    }
}
