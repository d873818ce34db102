package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A JPA/Hibernate entity as the code index resolves it: its table (from {@code @Table}, the entity name and the
 * naming strategy) and the columns its persistent attributes map in that table and its secondary tables, its
 * mapped superclasses' and embeddables' included. Join and collection tables are not its columns (they stay
 * references of the index). What the provider reads of a row is the {@code SELECT} of these columns; what it
 * writes on persist is an {@code INSERT} of the {@link Column#insertable()} ones.
 *
 * @param name    the entity's class name
 * @param table   its table
 * @param span    the line of its table name ({@code @Table}, else the class declaration)
 * @param columns the mapped columns, each once, in declaration order (superclasses' after the class's own)
 */
public record CodeEntity(String name, TableName table, SourceSpan span, List<Column> columns) {

    public CodeEntity {
        columns = List.copyOf(columns);
    }

    /**
     * One mapped column.
     *
     * @param table      the entity's table, or a secondary table
     * @param name       the physical column name (normalized like the index's references)
     * @param attribute  the attribute path ({@code price.amount} for an embedded one)
     * @param type       the attribute's declared type as written ({@code String}, {@code Long}, {@code long}...)
     * @param span       the line that maps it
     * @param insertable whether the provider writes it on persist: not for {@code insertable = false}, an id the
     *                   database generates ({@code GenerationType.IDENTITY}) or a value it generates ({@code @Generated})
     */
    public record Column(TableName table, String name, String attribute, String type, SourceSpan span,
                         boolean insertable) {
    }

    public Path file() {
        return span.file();
    }
}
