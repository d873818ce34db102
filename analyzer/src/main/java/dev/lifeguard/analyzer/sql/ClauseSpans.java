package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.SourceSpan;

/** Turns the offsets of a clause inside a statement into its span (detached SQL: the statement's span). */
@FunctionalInterface
interface ClauseSpans {
    SourceSpan span(int start, int end);
}
