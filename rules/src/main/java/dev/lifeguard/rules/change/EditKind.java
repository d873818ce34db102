package dev.lifeguard.rules.change;

import java.util.regex.Pattern;

/**
 * How much of a migration's text an edit changed. The tools checksum the text (Flyway: every line; a
 * Liquibase sql change: its SQL), so even a reformatting breaks validation, but the reviewer should know
 * whether behaviour changed or only the layout.
 */
enum EditKind {
    NONE(""),
    WHITESPACE(" (whitespace only)"),
    COMMENTS(" (comments and whitespace only)"),
    CONTENT("");

    /** SQL line comments, except the Liquibase formatted-SQL directives, which are not comments to it. */
    private static final Pattern SQL_LINE_COMMENT = Pattern.compile(
            "--(?!\\s*(?i:changeset|rollback|preconditions?|precondition-|comment|validCheckSum|ignoreLines|liquibase)\\b)[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern XML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern YAML_COMMENT = Pattern.compile("(?m)(^|\\s)#[^\\n]*");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private final String note;

    EditKind(String note) {
        this.note = note;
    }

    /** What to add to a message: " (whitespace only)" and the like, or nothing. */
    String note() {
        return note;
    }

    static EditKind between(String before, String after, String fileName) {
        if (before.equals(after)) {
            return NONE;
        }
        if (squeeze(before).equals(squeeze(after))) {
            return WHITESPACE;
        }
        if (squeeze(stripComments(before, fileName)).equals(squeeze(stripComments(after, fileName)))) {
            return COMMENTS;
        }
        return CONTENT;
    }

    private static String squeeze(String text) {
        return WHITESPACE_RUN.matcher(text).replaceAll("");
    }

    private static String stripComments(String text, String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xml")) {
            return XML_COMMENT.matcher(text).replaceAll("");
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML_COMMENT.matcher(text).replaceAll("$1");
        }
        return SQL_LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll("")).replaceAll("");
    }
}
