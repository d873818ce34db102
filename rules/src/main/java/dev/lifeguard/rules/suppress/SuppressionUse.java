package dev.lifeguard.rules.suppress;

import java.util.Set;

/**
 * A suppression comment and what it did in this run.
 *
 * @param directive the comment
 * @param usedIds   the ids among {@code directive.ruleIds()} that suppressed at least one finding
 */
public record SuppressionUse(SuppressionDirective directive, Set<String> usedIds) {

    public SuppressionUse {
        usedIds = Set.copyOf(usedIds);
    }
}
