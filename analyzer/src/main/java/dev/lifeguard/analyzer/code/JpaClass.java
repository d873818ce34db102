package dev.lifeguard.analyzer.code;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one Java or Kotlin class says about its mapping, read by a parser and kept free of the parser's
 * types, so that classes from different files can be put together afterwards (an entity and the mapped
 * superclass and embeddables it uses usually live in files of their own).
 *
 * @param name        simple class name
 * @param kind        entity, embeddable, mapped superclass
 * @param entityName  {@code @Entity(name = ...)}, or null
 * @param table       {@code @Table(name = ...)}, or null (then the name comes from the entity name)
 * @param secondary   {@code @SecondaryTable} names
 * @param superclass  simple name of the class it extends, or null
 * @param joined      whether {@code @Inheritance} gives subclasses tables of their own (JOINED, TABLE_PER_CLASS)
 * @param fields      the persistent fields (static and {@code @Transient} ones already left out)
 * @param file        root-relative file
 * @param line        the line of the class's table name ({@code @Table} or the class declaration)
 */
record JpaClass(String name, Kind kind, String entityName, String table, List<Named> secondary, String superclass,
                boolean joined, List<Field> fields, Path file, int line) {

    enum Kind { ENTITY, EMBEDDABLE, MAPPED_SUPERCLASS }

    /** A name written in an annotation, at a line. */
    record Named(String name, int line) {
    }

    /**
     * One persistent field. {@code column} is the explicit {@code @Column} name or null (then the field
     * name goes through the naming strategy); {@code columnTable} the {@code @Column(table = ...)} of a
     * secondary table. {@code joinColumns} are names of foreign-key columns in the entity's table, and
     * {@code defaultJoinColumn} whether an owning to-one association with none named gets {@code field_id}.
     * {@code ownTables} are join/collection tables with the columns named in them. {@code insertable} is false
     * where the provider leaves the column out of its INSERT ({@code insertable = false}, an IDENTITY id,
     * {@code @Generated}). {@code nonNull} says why the mapping cannot take a NULL from its column (a primitive
     * type, {@code nullable = false}, {@code optional = false}, {@code @NotNull}), null when it can.
     */
    record Field(String name, String type, int line, String column, String columnTable, List<Named> joinColumns,
                 boolean defaultJoinColumn, boolean embedded, Map<String, Named> overrides,
                 List<OwnTable> ownTables, boolean insertable, NonNull nonNull) {

        /** A field whose mapping can take NULL. */
        Field(String name, String type, int line, String column, String columnTable, List<Named> joinColumns,
              boolean defaultJoinColumn, boolean embedded, Map<String, Named> overrides, List<OwnTable> ownTables,
              boolean insertable) {
            this(name, type, line, column, columnTable, joinColumns, defaultJoinColumn, embedded, overrides, ownTables,
                    insertable, null);
        }
    }

    /**
     * Why a mapped attribute cannot take NULL from its column.
     *
     * @param reason      as written ("primitive int", "@Column(nullable = false)", "@NotNull", "optional = false")
     * @param failsOnLoad whether loading a row with NULL there fails (a primitive: the provider cannot assign
     *                    null), rather than the code assuming it never happens
     * @param line        the line of the annotation or declaration that says so
     */
    record NonNull(String reason, boolean failsOnLoad, int line) {
    }

    /** A join table or collection table, with the columns written for it. */
    record OwnTable(Named table, List<Named> columns) {
    }
}
