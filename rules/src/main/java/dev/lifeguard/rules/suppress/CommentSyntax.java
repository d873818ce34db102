package dev.lifeguard.rules.suppress;

import java.nio.file.Path;
import java.util.Locale;

/** How a migration file writes comments, by its extension. */
public enum CommentSyntax {
    /** {@code -- line} and {@code /* block *}{@code /}. */
    SQL,
    /** {@code <!-- comment -->}; SQL comments inside element text (a {@code <sql>} body) count too. */
    XML,
    /** {@code # comment}. */
    YAML,
    /** JSON changelogs have no comments, so nothing in them can be suppressed inline. */
    NONE;

    public static CommentSyntax of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return XML;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return NONE;
        }
        return SQL;
    }
}
