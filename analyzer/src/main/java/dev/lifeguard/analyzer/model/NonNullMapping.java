package dev.lifeguard.analyzer.model;

/**
 * A place where application code maps a column to something that cannot hold NULL: a primitive field of a JPA
 * entity (loading a row with NULL there fails), or an attribute declared never null ({@code @Column(nullable =
 * false)}, {@code optional = false}, {@code @NotNull}): the code assumes the column never holds NULL.
 *
 * @param table       the table, compared the way the database compares names
 * @param column      the column (normalized)
 * @param span        where the code says so (path relative to the project root)
 * @param snippet     that source line, trimmed
 * @param reason      the attribute and why ({@code User.age: primitive int}, {@code Order.customer: @ManyToOne(optional = false)})
 * @param failsOnLoad whether loading a row that holds NULL there fails (a primitive)
 */
public record NonNullMapping(TableName table, String column, SourceSpan span, String snippet, String reason,
                             boolean failsOnLoad) {

    /** Whether this maps that column of that table. */
    public boolean concerns(TableName other, String otherColumn) {
        return table.matches(other) && column.equals(otherColumn);
    }
}
