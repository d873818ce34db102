package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.Optional;

/** Spans rules derive from others. */
public final class Spans {
    private Spans() {
    }

    /**
     * The first line of a span, from its start to the end of that line: findings about a whole migration
     * (a file, a changeSet) point at where it begins instead of underlining all of it.
     */
    public static SourceSpan firstLine(SourceSpan span, Project project) {
        SourceFile source = project.source(span.file()).orElse(null);
        if (source == null || !span.hasOffsets()) {
            return new SourceSpan(span.file(), span.startLine(), span.startColumn(), span.startLine(),
                    span.startColumn(), -1, -1);
        }
        int start = span.startOffset();
        String line = source.line(span.startLine());
        int end = Math.max(start, source.offsetOf(span.startLine(), 1) + line.length());
        return source.span(start, end);
    }

    /** The source text a span covers, when the file was read and the span has offsets. */
    public static Optional<String> text(SourceSpan span, Project project) {
        if (!span.hasOffsets()) {
            return Optional.empty();
        }
        return project.source(span.file()).filter(f -> span.endOffset() <= f.text().length())
                .map(f -> f.text().substring(span.startOffset(), span.endOffset()));
    }
}
