package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A statement the application sends to the database, as its code writes it: SQL in a string literal, text block
 * or query annotation ({@code @Query(nativeQuery = true)}, MyBatis {@code @Select}...), a MyBatis XML mapper
 * statement, a statement of a SQL file that is not a migration; and, only to be counted, what cannot be read as
 * one statement: SQL put together with code, text substitution ({@code ${x}}), MyBatis dynamic SQL, JPQL/HQL.
 *
 * @param sql           the statement as written, its placeholders as the code writes them ({@code ?}, {@code ?1},
 *                      {@code :name}, {@code #{x}}); MyBatis {@code <include>}s of the same mapper put in, CDATA and
 *                      XML entities decoded. For a statement that is not {@link Form#COMPLETE}, what the code holds
 * @param span          from the first line of the statement in the code to its last
 * @param kind          where the code holds it (never {@link CodeReference.Kind#JPA_MAPPING}: see {@link CodeEntity})
 * @param form          whether the text is the whole statement
 * @param parameterised whether it has placeholders for values bound at run time
 * @param names         the tables and columns it names, as the code index's references of it
 */
public record CodeStatement(String sql, SourceSpan span, CodeReference.Kind kind, Form form, boolean parameterised,
                            List<Name> names) {

    public CodeStatement {
        names = List.copyOf(names);
    }

    /** Whether the code's text is the statement the database receives. */
    public enum Form {
        /** The whole statement is in the code (placeholders aside). */
        COMPLETE("complete"),
        /** Put together at run time: string literals concatenated with variables, calls or Kotlin templates. */
        BUILT_AT_RUN_TIME("SQL put together at run time"),
        /** MyBatis {@code ${x}}: text put into the SQL before it is sent, not a bound value. */
        TEXT_SUBSTITUTION("text substitution (${...})"),
        /** MyBatis dynamic SQL ({@code <if>}, {@code <foreach>}, {@code <where>}, {@code <script>}...). */
        DYNAMIC_SQL("MyBatis dynamic SQL"),
        /** JPQL/HQL ({@code @Query} without nativeQuery, {@code @NamedQuery}): the provider writes the SQL. */
        JPQL("JPQL/HQL");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A table ({@code column} null) or one of its columns that the statement names. */
    public record Name(TableName table, String column) {
    }

    public Path file() {
        return span.file();
    }

    public int line() {
        return span.startLine();
    }
}
