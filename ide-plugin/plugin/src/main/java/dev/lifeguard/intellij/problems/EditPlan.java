package dev.lifeguard.intellij.problems;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * A quick fix as plain edits: the rule's mechanical fix, or the suppression comment. Before it is applied the
 * plan finds its place in the text as it is now ({@link #shift}): every edit's original text and context must
 * be there, all moved by the same amount (an edit applied earlier in the file, by "Fix all", moves them); a
 * plan that no longer fits is not applied. The IDE applies the edits from the last to the first, so that each
 * edit's offsets are still valid when it is applied.
 *
 * @param name  what the IDE's quick-fix menu shows
 * @param edits non-overlapping edits of one file
 */
public record EditPlan(String name, List<TextEdit> edits) {

    public EditPlan {
        edits = edits.stream().sorted(Comparator.comparingInt(TextEdit::start).reversed()
                .thenComparing(Comparator.comparingInt(TextEdit::end).reversed())).toList();
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("no edits in " + name);
        }
        for (int i = 1; i < edits.size(); i++) {
            if (edits.get(i).end() > edits.get(i - 1).start()) {
                throw new IllegalArgumentException("overlapping edits in " + name);
            }
        }
    }

    /**
     * How far the plan has moved in {@code text} since it was made: the smallest shift (nearest to where it
     * was) at which every edit finds its original text and context; empty when there is none, because the
     * text it was made for has changed there.
     */
    public OptionalInt shift(CharSequence text) {
        TextEdit first = edits.get(edits.size() - 1);
        String s = text.toString();
        String context = first.context();
        int expected = first.start() - first.before().length();
        int best = -1;
        for (int at = s.indexOf(context); at >= 0; at = s.indexOf(context, at + 1)) {
            int shift = at - expected;
            if ((best < 0 || Math.abs(shift) < Math.abs(best - expected)) && fitsAt(text, shift)) {
                best = at;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best - expected);
    }

    private boolean fitsAt(CharSequence text, int shift) {
        return edits.stream().allMatch(e -> e.matchesAt(text, shift));
    }

    /** Whether the plan still fits the text somewhere near where it was made. */
    public boolean appliesTo(CharSequence text) {
        return shift(text).isPresent();
    }

    /** The edits in the order to apply them: from the end of the file backwards. */
    @Override
    public List<TextEdit> edits() {
        return edits;
    }

    /** The text after the plan (what the IDE's document holds after the quick fix). */
    public String applyTo(String text) {
        OptionalInt shift = shift(text);
        if (shift.isEmpty()) {
            throw new IllegalStateException("the text changed since \"" + name + "\" was planned");
        }
        StringBuilder out = new StringBuilder(text);
        for (TextEdit e : edits) {
            out.replace(e.start() + shift.getAsInt(), e.end() + shift.getAsInt(), e.replacement());
        }
        return out.toString();
    }
}
