package dev.lifeguard.analyzer.model;

/** A file or part of one that could not be read as a migration; reported as invalid-migration. */
public record LoadProblem(SourceSpan span, String message) {
}
