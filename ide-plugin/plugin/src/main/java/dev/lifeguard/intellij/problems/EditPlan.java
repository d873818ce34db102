package dev.lifeguard.intellij.problems;

import java.util.Comparator;
import java.util.List;

/**
 * A quick fix as plain edits: the rule's mechanical fix, or the suppression comment. The IDE applies the
 * edits from the last to the first, so that each edit's offsets are still valid when it is applied.
 *
 * @param name  what the IDE's quick-fix menu shows
 * @param edits non-overlapping edits of one file
 */
public record EditPlan(String name, List<TextEdit> edits) {

    public EditPlan {
        edits = edits.stream().sorted(Comparator.comparingInt(TextEdit::start).reversed()
                .thenComparing(Comparator.comparingInt(TextEdit::end).reversed())).toList();
        for (int i = 1; i < edits.size(); i++) {
            if (edits.get(i).end() > edits.get(i - 1).start()) {
                throw new IllegalArgumentException("overlapping edits in " + name);
            }
        }
    }

    /**
     * Whether the plan still fits the text: the file may have been edited since it was linted, and an edit
     * at a stale offset would corrupt it.
     */
    public boolean appliesTo(CharSequence text) {
        return edits.stream().allMatch(e -> e.matches(text));
    }

    /** The edits in the order to apply them: from the end of the file backwards. */
    @Override
    public List<TextEdit> edits() {
        return edits;
    }

    /** The text after the plan (what the IDE's document holds after the quick fix). */
    public String applyTo(String text) {
        if (!appliesTo(text)) {
            throw new IllegalStateException("the text changed since \"" + name + "\" was planned");
        }
        StringBuilder out = new StringBuilder(text);
        for (TextEdit e : edits) {
            out.replace(e.start(), e.end(), e.replacement());
        }
        return out.toString();
    }
}
