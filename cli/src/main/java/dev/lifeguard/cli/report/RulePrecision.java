package dev.lifeguard.cli.report;

import java.util.Map;

/**
 * How often a rule's findings are true, as GitHub code scanning shows it ({@code properties.precision} of a
 * SARIF rule): {@code very-high} where the finding follows from the statement alone (a rename is a rename),
 * {@code high} where it rests on Lifeguard's knowledge of the database (locks, rewrites, safe widenings),
 * {@code medium} where it rests on a heuristic about the application or the team's intent.
 * Kept here, not in {@code @RuleInfo}, because only SARIF consumers use it; a test checks every built-in
 * rule has its entry, so a new rule needs a decision.
 */
public final class RulePrecision {
    public static final String VERY_HIGH = "very-high";
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";

    private static final Map<String, String> BY_RULE = Map.ofEntries(
            Map.entry("add-unique-constraint", HIGH),
            Map.entry("app-managed-schema", MEDIUM),
            Map.entry("code-ahead-of-schema", MEDIUM),
            Map.entry("code-and-schema-in-one-change", MEDIUM),
            Map.entry("column-type-change", HIGH),
            Map.entry("concurrently-in-transaction", VERY_HIGH),
            Map.entry("constraint-without-not-valid", HIGH),
            Map.entry("drop-column", VERY_HIGH),
            Map.entry("drop-not-null", MEDIUM),
            Map.entry("drop-referenced-key", HIGH),
            Map.entry("drop-table", VERY_HIGH),
            Map.entry("duplicate-version", VERY_HIGH),
            Map.entry("edited-applied-migration", VERY_HIGH),
            Map.entry("foreign-key-without-index", HIGH),
            Map.entry("inline-references-ignored", VERY_HIGH),
            Map.entry("invalid-migration", VERY_HIGH),
            Map.entry("missing-lock-timeout", HIGH),
            Map.entry("missing-reverse", VERY_HIGH),
            Map.entry("non-atomic-migration", HIGH),
            Map.entry("non-concurrent-index", VERY_HIGH),
            Map.entry("not-checked", VERY_HIGH),
            Map.entry("not-null-without-default", VERY_HIGH),
            Map.entry("parse-error", VERY_HIGH),
            Map.entry("referenced-by-code", MEDIUM),
            Map.entry("rename-column", VERY_HIGH),
            Map.entry("rename-table", VERY_HIGH),
            Map.entry("reverse-missing-object", HIGH),
            Map.entry("schema-and-data-mixed", MEDIUM),
            Map.entry("set-not-null", HIGH),
            Map.entry("suppression-without-reason", VERY_HIGH),
            Map.entry("table-rewrite", HIGH),
            Map.entry("truncate-table", VERY_HIGH),
            Map.entry("unbounded-dml", HIGH),
            // whether it fails depends on production data: duplicates may not exist
            Map.entry("unique-on-existing-data", MEDIUM),
            Map.entry("unused-suppression", VERY_HIGH));

    private RulePrecision() {
    }

    /** The rule's precision; {@code high} for a rule without an entry (a plugin's rule). */
    public static String of(String ruleId) {
        return BY_RULE.getOrDefault(ruleId, HIGH);
    }

    static boolean isListed(String ruleId) {
        return BY_RULE.containsKey(ruleId);
    }
}
