package dev.lifeguard.intellij.problems;

/**
 * Replace the characters [start, end) of a file, which read {@code original} when the edit was planned.
 * Offsets count UTF-16 chars, as both Lifeguard's spans and IntelliJ's documents do.
 */
public record TextEdit(int start, int end, String original, String replacement) {

    public TextEdit {
        if (start < 0 || end < start || original.length() != end - start) {
            throw new IllegalArgumentException("bad edit [" + start + ", " + end + ") of \"" + original + "\"");
        }
    }

    /** Whether the text still holds what this edit was planned against. */
    public boolean matches(CharSequence text) {
        return end <= text.length() && text.subSequence(start, end).toString().equals(original);
    }
}
