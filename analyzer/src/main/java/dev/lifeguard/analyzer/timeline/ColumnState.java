package dev.lifeguard.analyzer.timeline;

/**
 * A column as the replayed history left it; {@code type} is null when no migration stated it.
 * {@code identity} stays the same through renames and type changes, so that the column a name holds after
 * a migration can be told from the one it held before (a column dropped and added again is another one).
 */
public record ColumnState(String name, String type, Boolean nullable, String defaultExpression, Object identity) {

    /** A column new to the history: a fresh identity. */
    public ColumnState(String name, String type, Boolean nullable, String defaultExpression) {
        this(name, type, nullable, defaultExpression, new Object());
    }

    ColumnState renamed(String to) {
        return new ColumnState(to, type, nullable, defaultExpression, identity);
    }

    ColumnState with(String newType, Boolean newNullable, String newDefault) {
        return new ColumnState(name, newType, newNullable, newDefault, identity);
    }

    /** Whether this is the same column as {@code other}, whatever either is called. */
    public boolean sameColumnAs(ColumnState other) {
        return other != null && identity == other.identity;
    }

    @Override
    public String toString() {
        return name + (type == null ? "" : " " + type);
    }
}
