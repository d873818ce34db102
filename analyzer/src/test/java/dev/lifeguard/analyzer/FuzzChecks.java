package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every fuzz target asserts of a result besides "nothing was thrown": a report that a user can trust.
 * Spans lie inside the file they name, and messages are one line of prose, never a stack trace.
 */
public final class FuzzChecks {
    /** A Java class name in prose: NullPointerException, java.io.IOException, StackOverflowError. */
    private static final java.util.regex.Pattern JAVA_EXCEPTION =
            java.util.regex.Pattern.compile("\\b[A-Z][a-z]\\w*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.");

    private FuzzChecks() {
    }

    /** A span inside the text of the file it names (offsets within it, lines within its line count). */
    public static void spanInside(SourceSpan span, Map<Path, SourceFile> files) {
        SourceFile file = files.get(span.file());
        if (file == null) {
            throw new AssertionError("span names a file that was not read: " + span);
        }
        spanInside(span, file);
    }

    public static void spanInside(SourceSpan span, SourceFile file) {
        if (!span.file().equals(file.path())) {
            throw new AssertionError("span in " + span.file() + ", expected " + file.path());
        }
        if (span.startLine() > file.lineCount() || span.endLine() > file.lineCount()) {
            throw new AssertionError("span past the last line (" + file.lineCount() + "): " + describe(span));
        }
        if (span.hasOffsets() && (span.startOffset() > file.text().length() || span.endOffset() > file.text().length())) {
            throw new AssertionError("span past the end (" + file.text().length() + "): " + describe(span));
        }
        if (span.hasOffsets() && file.lineOf(span.startOffset()) != span.startLine()) {
            throw new AssertionError("start offset and line disagree: " + describe(span));
        }
    }

    /** One line of prose: no line break, no stack frame, no Java exception class name. */
    public static void message(String message) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("empty message");
        }
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new AssertionError("message of several lines: " + message);
        }
        String unquoted = message.replaceAll("'[^']*'|\"[^\"]*\"", "");
        if (JAVA_EXCEPTION.matcher(unquoted).find()) {
            throw new AssertionError("message shows a Java exception: " + message);
        }
    }

    /** Every operation, reverse operation and problem of the histories points inside the files read. */
    public static void histories(List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems) {
        for (History h : histories) {
            for (Migration m : h.migrations()) {
                spanInside(m.span(), sources);
                for (Operation op : m.operations()) {
                    spanInside(op.span(), sources);
                    if (op instanceof Operation.Unparsed u) {
                        message(u.reason());
                    }
                }
                for (Operation op : m.reverse().operations()) {
                    spanInside(op.span(), sources);
                }
            }
        }
        for (LoadProblem p : problems) {
            message(p.message());
            SourceFile file = sources.get(p.span().file());
            if (file != null) {
                spanInside(p.span(), file);
            }
        }
    }

    private static String describe(SourceSpan s) {
        return s.file() + " " + s.startLine() + ":" + s.startColumn() + "-" + s.endLine() + ":" + s.endColumn()
                + " [" + s.startOffset() + "," + s.endOffset() + ")";
    }
}
