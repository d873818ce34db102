package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.List;

/** A mechanical rewrite: replace each span (which must have offsets) with its text. */
public record Fix(String description, List<Edit> edits) {

    public record Edit(SourceSpan span, String replacement) {
    }

    public Fix {
        edits = List.copyOf(edits);
    }
}
