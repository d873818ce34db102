package dev.lifeguard.intellij.problems;

import java.util.List;

/**
 * One finding as the editor shows it: the range to highlight, the text of the tooltip, and the quick fixes.
 *
 * @param start       first char of the highlighted range in the file text
 * @param end         end of the range (exclusive); equal to start only for an empty file
 * @param description the tooltip: the rule's message and its help, and the rule id
 * @param highlight   how strongly to mark it
 * @param ruleId      the rule that found it; null for a mistake in lifeguard.yml
 * @param fixes       the rule's mechanical fix (when it has one) and the suppression comment
 */
public record EditorProblem(int start, int end, String description, Highlight highlight, String ruleId,
                            List<EditPlan> fixes) {

    public EditorProblem {
        fixes = List.copyOf(fixes);
    }

    public boolean isEmptyRange() {
        return start == end;
    }
}
