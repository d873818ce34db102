package dev.lifeguard.rules.suppress;

import java.util.List;

/**
 * The suppression comment syntax, in one place: the parser reads it, and the "suppress" quick fixes of
 * the language server and the IDE plugin write it with {@link #comment}.
 * <pre>
 * -- lifeguard:ignore rename-column,drop-column the old column is unused since release 4.2
 * &lt;!-- lifeguard:ignore non-concurrent-index the table has 30 rows --&gt;
 * # lifeguard:ignore-file unbounded-dml seed data for a new table
 * </pre>
 * A comment with {@link #IGNORE} applies to the statement, changeSet, change or line right after it; one
 * with {@link #IGNORE_FILE} applies to the whole file, wherever it stands.
 */
public final class Suppressions {
    public static final String IGNORE = "lifeguard:ignore";
    public static final String IGNORE_FILE = "lifeguard:ignore-file";
    /** Rule ids are separated by commas, the reason by whitespace. */
    public static final String ID_SEPARATOR = ",";
    public static final String SQL_PREFIX = "-- ";
    public static final String XML_PREFIX = "<!-- ";
    public static final String XML_SUFFIX = " -->";
    public static final String YAML_PREFIX = "# ";
    /**
     * What the editors' "suppress" quick fix writes as the reason, until the developer writes the real one:
     * a suppression without a reason helps nobody, and editors highlight the TODO.
     */
    public static final String REASON_PLACEHOLDER = "TODO say why this is safe";

    private Suppressions() {
    }

    /**
     * The comment that suppresses {@code ruleIds} for the next statement / changeSet / line, without
     * indentation or line break; null for a syntax with no comments (JSON).
     */
    public static String comment(CommentSyntax syntax, List<String> ruleIds, String reason) {
        return render(syntax, IGNORE, ruleIds, reason);
    }

    /** The comment that suppresses {@code ruleIds} in the whole file. */
    public static String fileComment(CommentSyntax syntax, List<String> ruleIds, String reason) {
        return render(syntax, IGNORE_FILE, ruleIds, reason);
    }

    private static String render(CommentSyntax syntax, String directive, List<String> ruleIds, String reason) {
        if (ruleIds.isEmpty()) {
            throw new IllegalArgumentException("a suppression names at least one rule");
        }
        String body = directive + " " + String.join(ID_SEPARATOR, ruleIds)
                + (reason == null || reason.isBlank() ? "" : " " + reason.strip().replaceAll("\\s+", " "));
        return switch (syntax) {
            case SQL -> SQL_PREFIX + body;
            // "--" may not appear inside an XML comment
            case XML -> XML_PREFIX + body.replace("--", "- -") + XML_SUFFIX;
            case YAML -> YAML_PREFIX + body;
            case NONE -> null;
        };
    }
}
