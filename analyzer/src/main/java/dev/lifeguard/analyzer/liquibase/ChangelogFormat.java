package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.SourceReader;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The syntaxes a Liquibase changelog comes in, recognised from the file name and text without Liquibase. */
enum ChangelogFormat {
    XML,
    YAML,
    JSON,
    /** {@code --liquibase formatted sql} */
    FORMATTED_SQL,
    /** A plain .sql file reached through include/includeAll: Liquibase runs it as one changeSet. */
    PLAIN_SQL;

    private static final Pattern YAML_KEY = Pattern.compile("(?m)^[\"']?databaseChangeLog[\"']?\\s*:");
    private static final Pattern JSON_KEY = Pattern.compile("\"databaseChangeLog\"\\s*:");
    private static final Pattern FORMATTED_FIRST_LINE = Pattern.compile("(?i)^\\s*--\\s*liquibase\\s+formatted\\b.*");

    /** The format of a file reached through an include: its extension decides, as in Liquibase. */
    static Optional<ChangelogFormat> ofIncluded(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return Optional.of(XML);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (name.endsWith(".sql")) {
            return Optional.of(isFormattedSql(text) ? FORMATTED_SQL : PLAIN_SQL);
        }
        return Optional.empty();
    }

    /** The format of a file that declares itself a changelog (root element, top-level key, first line). */
    static Optional<ChangelogFormat> detect(Path file, String text) {
        Optional<ChangelogFormat> byName = ofIncluded(file, text);
        if (byName.isEmpty()) {
            return byName;
        }
        boolean declared = switch (byName.get()) {
            case XML -> "databaseChangeLog".equals(rootElement(text));
            case YAML -> YAML_KEY.matcher(text).find();
            case JSON -> JSON_KEY.matcher(text).find();
            case FORMATTED_SQL -> true;
            case PLAIN_SQL -> false;
        };
        return declared ? byName : Optional.empty();
    }

    static boolean isFormattedSql(String text) {
        int i = 0;
        while (i < text.length()) {
            int eol = text.indexOf('\n', i);
            String line = text.substring(i, eol < 0 ? text.length() : eol);
            if (!line.isBlank()) {
                return FORMATTED_FIRST_LINE.matcher(SourceReader.withoutBom(line)).matches();
            }
            if (eol < 0) {
                break;
            }
            i = eol + 1;
        }
        return false;
    }

    /** The local name of the first element, skipping the prolog, comments and a DOCTYPE; null when none. */
    static String rootElement(String text) {
        int i = SourceReader.withoutBom(text).length() < text.length() ? 1 : 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("<?", i)) {
                i = skipPast(text, i, "?>");
            } else if (text.startsWith("<!--", i)) {
                i = skipPast(text, i, "-->");
            } else if (text.startsWith("<!", i)) {
                i = skipDoctype(text, i);
            } else if (c == '<') {
                int s = i + 1;
                int e = s;
                while (e < n && !Character.isWhitespace(text.charAt(e)) && text.charAt(e) != '>' && text.charAt(e) != '/') {
                    e++;
                }
                String name = text.substring(s, e);
                int colon = name.indexOf(':');
                return colon >= 0 ? name.substring(colon + 1) : name;
            } else {
                return null;
            }
        }
        return null;
    }

    private static int skipPast(String text, int from, String end) {
        int e = text.indexOf(end, from);
        return e < 0 ? text.length() : e + end.length();
    }

    private static int skipDoctype(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return text.length();
    }

}
