package dev.lifeguard.intellij;

import dev.lifeguard.intellij.problems.EditPlan;
import org.jetbrains.annotations.NotNull;

/**
 * The rule's own rewrite (add CONCURRENTLY, add NOT VALID, set lock_timeout first). One family for all rules'
 * rewrites, so "Fix all" in a file applies every rewrite, and nothing else: suppressions are another class and
 * family ({@link SuppressFix}).
 */
final class RewriteFix extends EditFix {
    static final String FAMILY = "Apply Lifeguard's safe rewrite";

    RewriteFix(EditPlan plan) {
        super(plan);
    }

    @Override
    public @NotNull String getFamilyName() {
        return FAMILY;
    }
}
