package dev.lifeguard.analyzer.timeline;

/** A column as the replayed history left it; {@code type} is null when no migration stated it. */
public record ColumnState(String name, String type, Boolean nullable, String defaultExpression) {
}
