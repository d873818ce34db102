package dev.lifeguard.cli.lsp;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Lifeguard's suppression comment in each migration syntax, as DESIGN.md spells it:
 * {@code -- lifeguard:ignore rule-id reason} (SQL), {@code <!-- lifeguard:ignore rule-id reason -->} (XML),
 * {@code # lifeguard:ignore rule-id reason} (YAML). JSON has no comments, so nothing can be suppressed there.
 */
enum IgnoreComment {
    SQL("-- ", ""),
    XML("<!-- ", " -->"),
    YAML("# ", "");

    static final String MARKER = "lifeguard:ignore";
    /** Stands where the developer writes why the hazard is acceptable here; a suppression without a reason helps nobody. */
    static final String REASON_PLACEHOLDER = "TODO say why this is safe";

    private final String open;
    private final String close;

    IgnoreComment(String open, String close) {
        this.open = open;
        this.close = close;
    }

    /** The comment syntax of a migration file, by its extension; empty for JSON and unknown kinds. */
    static Optional<IgnoreComment> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            return Optional.of(SQL);
        }
        if (name.endsWith(".xml")) {
            return Optional.of(XML);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }

    /** The comment text, without indentation or line break. */
    String text(String ruleId, String reason) {
        return open + MARKER + " " + ruleId + " " + reason + close;
    }
}
