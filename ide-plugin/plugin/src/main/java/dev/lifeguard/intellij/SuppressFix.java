package dev.lifeguard.intellij;

import com.intellij.codeInsight.intention.LowPriorityAction;
import dev.lifeguard.intellij.problems.EditPlan;
import org.jetbrains.annotations.NotNull;

/**
 * Writes Lifeguard's {@code lifeguard:ignore} comment above the statement, with a reason to fill in. Never
 * part of a batch: "Fix all" groups fixes by class (older IDEs) or family, and this is a class and family of
 * its own; current IDEs also ask {@link #availableInBatchMode()}, which says no. Listed after the rewrite.
 */
final class SuppressFix extends EditFix implements LowPriorityAction {
    static final String FAMILY = "Suppress with a lifeguard:ignore comment";

    SuppressFix(EditPlan plan) {
        super(plan);
    }

    @Override
    public @NotNull String getFamilyName() {
        return FAMILY;
    }

    /**
     * {@code LocalQuickFix.availableInBatchMode()} of current IntelliJ (not in the build-183 API this plugin
     * compiles against, so no {@code @Override}; the IDE calls it all the same): a suppression needs a reason
     * per statement, so it is never applied to every problem at once.
     */
    public boolean availableInBatchMode() {
        return false;
    }
}
