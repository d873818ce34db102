package dev.lifeguard.analyzer.model;

import java.util.List;

/** Where the application code names tables and columns. Built from the code roots of a {@link CodeBase}. */
public interface CodeIndex {

    CodeIndex EMPTY = new CodeIndex() {
        @Override
        public List<CodeReference> references() {
            return List.of();
        }

        @Override
        public List<SourceFile> files() {
            return List.of();
        }
    };

    /** Every reference, in file then line order. */
    List<CodeReference> references();

    /** The code files read, so that reporters can show a reference's line. */
    List<SourceFile> files();

    /**
     * The columns the code maps to attributes that cannot hold NULL (primitives, {@code nullable = false},
     * {@code @NotNull}...), in file then line order. An index that does not read mappings has none.
     */
    default List<NonNullMapping> nonNullMappings() {
        return List.of();
    }

    /** The non-null mappings of one column. */
    default List<NonNullMapping> nonNullMappingsOf(TableName table, String column) {
        return nonNullMappings().stream().filter(m -> m.concerns(table, column)).toList();
    }

    /**
     * The statements the code sends (see {@link CodeStatement}), in file then line order; those that cannot be
     * read as one statement are there too, to be counted. Empty where an index does not collect them.
     */
    default List<CodeStatement> statements() {
        return List.of();
    }

    /** The JPA entities with their tables and mapped columns, in file then line order. */
    default List<CodeEntity> entities() {
        return List.of();
    }

    /** The references to a table ({@code column} null: to it or any of its columns) or to one of its columns. */
    default List<CodeReference> referencesTo(TableName table, String column) {
        return references().stream().filter(r -> r.concerns(table, column)).toList();
    }
}
