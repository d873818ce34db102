package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * The suppression comments of one file, and what each one covers. A {@code lifeguard:ignore} comment
 * covers, counting from the first code after it (other comments and blank lines skipped):
 * <ul>
 *   <li>the statement starting there, every clause of it included (findings whose span lies in that
 *       statement, {@link SourceSpan#statementStart});</li>
 *   <li>the XML element or YAML list item starting there: a changeSet or a change, with all it holds;</li>
 *   <li>any migration or operation whose span starts between the comment and that code (a formatted-SQL
 *       {@code --changeset} header is itself a comment, and the changeSet starts at it);</li>
 *   <li>the line right after the comment, blank lines skipped (a column inside a CREATE TABLE).</li>
 * </ul>
 * A comment after code on its line (a trailing comment) covers that line instead: findings that start
 * on it, and findings of a statement that starts on it. A {@code lifeguard:ignore-file} comment anywhere
 * in the file covers every finding in the file.
 */
final class FileSuppressions {
    /** A directive and the places it covers. */
    record Covered(SuppressionDirective directive, int anchor, int nextLine, List<int[]> regions, boolean trailing) {
    }

    private final SourceFile source;
    private final List<Covered> covered;

    private FileSuppressions(SourceFile source, List<Covered> covered) {
        this.source = source;
        this.covered = covered;
    }

    List<Covered> directives() {
        return covered;
    }

    /**
     * @param structure spans of the migrations and operations read from this file: those that start
     *                  right after a comment are covered by it as a whole
     */
    static FileSuppressions of(SourceFile source, List<SourceSpan> structure) {
        String text = source.text();
        CommentSyntax syntax = CommentSyntax.of(source.path());
        List<CommentScanner.Comment> comments = CommentScanner.scan(text, syntax);
        List<Covered> out = new ArrayList<>();
        for (int k = 0; k < comments.size(); k++) {
            CommentScanner.Comment c = comments.get(k);
            SourceSpan span = source.span(c.start(), Math.max(c.start() + 1, c.end()));
            SuppressionDirective d = SuppressionDirective.parse(c.body(), span);
            if (d == null) {
                continue;
            }
            if (d.fileWide()) {
                out.add(new Covered(d, -1, -1, List.of(), false));
                continue;
            }
            if (!text.substring(source.offsetOf(span.startLine(), 1), c.start()).isBlank()) {
                out.add(new Covered(d, -1, span.startLine(), List.of(), true));
                continue;
            }
            int anchor = anchorAfter(text, comments, k);
            List<int[]> regions = new ArrayList<>();
            int element = switch (syntax) {
                case XML -> text.startsWith("<", anchor) ? XmlElements.extent(text, anchor) : -1;
                case YAML -> YamlItems.extent(source, anchor);
                default -> -1;
            };
            if (element > anchor) {
                regions.add(new int[] {anchor, element});
            }
            for (SourceSpan s : structure) {
                if (s.hasOffsets() && s.startOffset() >= c.end() && s.startOffset() <= anchor) {
                    regions.add(new int[] {s.startOffset(), Math.max(s.endOffset(), s.startOffset() + 1)});
                }
            }
            out.add(new Covered(d, anchor, nextCodeLine(source, span.endLine()), regions, false));
        }
        return new FileSuppressions(source, out);
    }

    /** Whether the directive covers a finding at this span (in this file). */
    boolean covers(Covered c, SourceSpan at) {
        if (c.directive().fileWide()) {
            return true;
        }
        if (at.startLine() == c.nextLine()) {
            return true;
        }
        if (c.trailing()) {
            return at.hasOffsets() && at.statementStart() >= 0 && source.lineOf(at.statementStart()) == c.nextLine();
        }
        if (at.hasOffsets() && (at.statementStart() == c.anchor() || at.startOffset() == c.anchor())) {
            return true;
        }
        for (int[] r : c.regions()) {
            if (at.hasOffsets() ? at.startOffset() >= r[0] && at.startOffset() < r[1]
                    : at.startLine() >= source.lineOf(r[0]) && at.startLine() <= source.lineOf(Math.max(r[0], r[1] - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The first offset after comment k that is neither whitespace nor another comment. */
    private static int anchorAfter(String text, List<CommentScanner.Comment> comments, int k) {
        int i = comments.get(k).end();
        int next = k + 1;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (next < comments.size() && comments.get(next).start() < i) {
                next++;
            }
            if (next < comments.size() && comments.get(next).start() == i) {
                i = comments.get(next).end();
                next++;
            } else {
                return i;
            }
        }
    }

    private static int nextCodeLine(SourceFile source, int line) {
        int l = line + 1;
        while (l <= source.lineCount() && source.line(l).isBlank()) {
            l++;
        }
        return l;
    }
}
