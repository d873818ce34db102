package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of one file that was read, with its path relative to the project root and a line index. */
public final class SourceFile {
    private final Path path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(Path path, String text) {
        this.path = path;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line, without its line terminator; empty past the end. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    /** 1-based line of a 0-based offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of a 0-based offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** 0-based offset of a 1-based line and column. */
    public int offsetOf(int line, int column) {
        if (line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + column - 1);
    }

    /** A span for the characters [start, end) of this file. */
    public SourceSpan span(int start, int end) {
        int endLine = lineOf(Math.max(start, end - 1));
        int endColumn = end > start ? columnOf(end - 1) + 1 : columnOf(start);
        return new SourceSpan(path, lineOf(start), columnOf(start), endLine, endColumn, start, end);
    }
}
