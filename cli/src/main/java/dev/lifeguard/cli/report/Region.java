package dev.lifeguard.cli.report;

import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

/**
 * A span as reporters show it: 1-based, end column exclusive, never empty. A span known only by its line
 * (a Liquibase element, a whole file) covers that whole line, so viewers highlight something.
 */
public record Region(int startLine, int startColumn, int endLine, int endColumn) {

    public static Region of(SourceSpan span, SourceFile source) {
        int endLine = Math.max(span.startLine(), span.endLine());
        int endColumn = span.endColumn();
        boolean empty = endLine == span.startLine() && endColumn <= span.startColumn();
        if (empty) {
            int lineEnd = source == null ? 0 : source.line(span.startLine()).length() + 1;
            endColumn = Math.max(lineEnd, span.startColumn() + 1);
        }
        return new Region(span.startLine(), span.startColumn(), endLine, Math.max(1, endColumn));
    }
}
