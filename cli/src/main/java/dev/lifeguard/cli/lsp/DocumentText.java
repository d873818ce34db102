package dev.lifeguard.cli.lsp;

import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts Lifeguard's 1-based line/column spans to LSP ranges. Both count columns in UTF-16 code units
 * (Java chars), so the only shift is from 1-based to 0-based. A span that covers nothing (Liquibase elements
 * known only by their line, findings about a whole file) widens to the rest of its line, so an editor has
 * something to underline.
 */
final class DocumentText {
    private final SourceFile source;

    DocumentText(SourceFile source) {
        this.source = source;
    }

    SourceFile source() {
        return source;
    }

    Range range(SourceSpan span) {
        Position start = new Position(span.startLine() - 1, span.startColumn() - 1);
        Position end = new Position(span.endLine() - 1, span.endColumn() - 1);
        if (span.endLine() == span.startLine() && span.endColumn() <= span.startColumn()) {
            String line = source.line(span.startLine());
            int from = span.startColumn() - 1;
            if (from == 0) {
                from = indentOf(line);
                start = new Position(span.startLine() - 1, from);
            }
            end = new Position(span.startLine() - 1, Math.max(from, line.length()));
        }
        return new Range(start, end);
    }

    /** The range of characters [start, end) of the text, for edits. */
    Range range(int start, int end) {
        return new Range(position(start), position(end));
    }

    Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, source.text().length()));
        return new Position(source.lineOf(clamped) - 1, source.columnOf(clamped) - 1);
    }

    /** The offset of an LSP position, clamped to the text. */
    int offset(Position position) {
        return source.offsetOf(Math.max(1, position.getLine() + 1), Math.max(1, position.getCharacter() + 1));
    }

    static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static boolean contains(Range range, Position p) {
        return !before(p, range.getStart()) && !before(range.getEnd(), p);
    }

    private static boolean before(Position a, Position b) {
        return a.getLine() < b.getLine() || (a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter());
    }
}
