package dev.lifeguard.rules;

import dev.lifeguard.rules.compatibility.RenameColumnRule;

import java.util.List;

/** The built-in rules, sorted by id. A contract test checks this list against the rule classes. */
public final class BuiltinRules {
    private BuiltinRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new RenameColumnRule()
        );
    }
}
