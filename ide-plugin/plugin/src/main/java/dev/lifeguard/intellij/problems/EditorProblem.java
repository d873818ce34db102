package dev.lifeguard.intellij.problems;

import java.util.ArrayList;
import java.util.List;

/**
 * One finding as the editor shows it: the range to highlight, the text of the tooltip, and the quick fixes.
 *
 * @param start       first char of the highlighted range in the file text
 * @param end         end of the range (exclusive); equal to start only for an empty file
 * @param description the finding in plain text: the rule's message and its help
 * @param highlight   how strongly Lifeguard's severity marks it
 * @param ruleId      the rule that found it; null for a mistake in lifeguard.yml
 * @param ruleUrl     the rule's page; null for a mistake in lifeguard.yml
 * @param rewrite     the rule's mechanical fix, or null
 * @param suppression the suppression comment, or null (JSON has no comments)
 */
public record EditorProblem(int start, int end, String description, Highlight highlight, String ruleId, String ruleUrl,
                            EditPlan rewrite, EditPlan suppression) {

    public boolean isEmptyRange() {
        return start == end;
    }

    /** The fixes, the rewrite first. */
    public List<EditPlan> fixes() {
        List<EditPlan> out = new ArrayList<>();
        if (rewrite != null) {
            out.add(rewrite);
        }
        if (suppression != null) {
            out.add(suppression);
        }
        return out;
    }

    /**
     * The tooltip as IntelliJ renders a description that starts with {@code <html>}: the text, then the rule id
     * linking to the rule's page (the Problems view shows the same without markup). IntelliJ expands
     * {@code #ref} and {@code #loc} in a problem's text; a zero-width space keeps a message that happens to
     * contain them literal.
     */
    public String html() {
        String text = escape(description);
        String id = ruleId == null ? "" : ruleUrl == null ? " [" + escape(ruleId) + "]"
                : " [<a href=\"" + escape(ruleUrl) + "\">" + escape(ruleId) + "</a>]";
        return ("<html>" + text + id + "</html>").replace("#ref", "#\u200Bref").replace("#loc", "#\u200Bloc");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
