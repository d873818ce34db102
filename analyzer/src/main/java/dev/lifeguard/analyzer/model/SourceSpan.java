package dev.lifeguard.analyzer.model;

import java.nio.file.Path;

/**
 * Where something sits in a source file. Lines and columns are 1-based and inclusive of the start;
 * {@code endColumn} is the column just after the last character (so a one-character span on column 5
 * has startColumn 5 and endColumn 6). Offsets are 0-based character offsets into the file text, end
 * exclusive. {@code file} is the path relative to the project root. {@code statementStart} is the offset
 * where the enclosing statement starts: a clause of {@code ALTER TABLE t ADD a, ADD b} has its own span,
 * but both clauses belong to one statement (one transaction step, one suppression comment).
 */
public record SourceSpan(Path file, int startLine, int startColumn, int endLine, int endColumn,
                         int startOffset, int endOffset, int statementStart) {

    /** A span that is a statement of its own (or has no offsets). */
    public SourceSpan(Path file, int startLine, int startColumn, int endLine, int endColumn,
                      int startOffset, int endOffset) {
        this(file, startLine, startColumn, endLine, endColumn, startOffset, endOffset, startOffset);
    }

    public SourceSpan {
        if (startLine < 1 || startColumn < 1 || endLine < startLine) {
            throw new IllegalArgumentException("bad span " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
        }
    }

    /** A span covering the whole of one line, when only the line is known (Liquibase elements). */
    public static SourceSpan ofLine(Path file, int line) {
        return new SourceSpan(file, line, 1, line, 1, -1, -1);
    }

    /** A span at the start of a file, for findings about a file as a whole. */
    public static SourceSpan startOf(Path file) {
        return new SourceSpan(file, 1, 1, 1, 1, 0, 0);
    }

    /** The same span, marked as part of the statement starting at {@code offset}. */
    public SourceSpan withinStatementAt(int offset) {
        return new SourceSpan(file, startLine, startColumn, endLine, endColumn, startOffset, endOffset, offset);
    }

    /** Whether two spans lie in the same statement (spans without offsets: only when equal). */
    public boolean sameStatement(SourceSpan other) {
        if (!file.equals(other.file)) {
            return false;
        }
        if (statementStart < 0 || other.statementStart < 0) {
            return equals(other);
        }
        return statementStart == other.statementStart;
    }

    public boolean hasOffsets() {
        return startOffset >= 0 && endOffset >= startOffset;
    }

    @Override
    public String toString() {
        return file + ":" + startLine + ":" + startColumn;
    }
}
