package dev.lifeguard.intellij.problems;

/**
 * Replace the characters [start, end) of a file, which read {@code original} when the edit was planned,
 * between {@code before} and {@code after} (a few characters of context on each side, within the line). The context is what
 * makes an insertion checkable: it replaces nothing, so only the text around it can say that it still lands
 * where it was meant to. Offsets count UTF-16 chars, as both Lifeguard's spans and IntelliJ's documents do.
 */
public record TextEdit(int start, int end, String before, String original, String after, String replacement) {
    /** How much context each side is kept: enough to tell statements apart, short enough to survive typing nearby. */
    static final int CONTEXT = 32;

    public TextEdit {
        if (start < 0 || end < start || original.length() != end - start) {
            throw new IllegalArgumentException("bad edit [" + start + ", " + end + ") of \"" + original + "\"");
        }
    }

    /**
     * An edit of {@code text} at [start, end), with its context taken from the text: up to {@link #CONTEXT}
     * characters each side, never past the line the edit starts or ends on (a fix applied on another line,
     * by "Fix all", must not make this one look stale).
     */
    public static TextEdit of(String text, int start, int end, String replacement) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        return new TextEdit(start, end, text.substring(Math.max(lineStart, start - CONTEXT), start),
                text.substring(start, end), text.substring(end, Math.min(lineEnd, end + CONTEXT)), replacement);
    }

    /** Whether the text holds this edit's context and original text with the edit moved by {@code shift}. */
    public boolean matchesAt(CharSequence text, int shift) {
        int from = start + shift - before.length();
        int to = end + shift + after.length();
        return from >= 0 && to <= text.length()
                && text.subSequence(from, to).toString().equals(before + original + after);
    }

    /** The whole stretch the edit must find: context, original text, context. */
    String context() {
        return before + original + after;
    }
}
