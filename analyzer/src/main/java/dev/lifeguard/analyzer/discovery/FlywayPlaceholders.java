package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.code.ConfigEntries;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway placeholders ({@code ${ohdsiSchema}.cohort}) in SQL migrations. Flyway replaces them before it runs
 * the SQL, so Lifeguard reads the SQL with them replaced too, and every statement keeps its exact place in
 * the file: the replacement has the length of the placeholder.
 *
 * <ul>
 *   <li>A value set where Lifeguard can see it ({@code flyway.placeholders.NAME} or
 *       {@code spring.flyway.placeholders.NAME} in the {@code application*.properties} / {@code .yml} of the
 *       migrations' {@code src/main/resources}, or in {@code flyway.conf}) is used when it is a plain name
 *       no longer than the placeholder and nothing glued to it follows: it is padded with spaces.</li>
 *   <li>Any other placeholder (no value seen, a value set by the build such as {@code ${maven.property}},
 *       {@code ${flyway:defaultSchema}}) stands as an opaque name of the same length built from its own
 *       name ({@code ${prefix}} reads as {@code prefix___}), so the statement still parses. Where it
 *       qualifies a name ({@code ${ohdsiSchema}.cohort}, {@code [${ohdsiSchema}].[cohort]}) it is left out with its
 *       dot (and quotes): tables are matched
 *       without their schema, and the message names {@code cohort} as the application code does.</li>
 * </ul>
 */
final class FlywayPlaceholders {
    static final FlywayPlaceholders NONE = new FlywayPlaceholders(Map.of());

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:\\-]+)}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> PREFIXES = List.of("spring.flyway.placeholders.", "flyway.placeholders.");

    private final Map<String, String> values;

    private FlywayPlaceholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The values visible for the Flyway migrations in {@code location} (root-relative). */
    static FlywayPlaceholders find(Path location, MigrationFiles files) {
        Map<String, String> values = new HashMap<>();
        for (Path config : configFiles(location, files)) {
            files.read(config).ifPresent(f -> read(f, values));
        }
        return new FlywayPlaceholders(values);
    }

    private static List<Path> configFiles(Path location, MigrationFiles files) {
        List<Path> out = new java.util.ArrayList<>();
        for (Path p = location; p != null; p = p.getParent()) {
            if (p.endsWith(Path.of("src", "main", "resources"))) {
                for (Path f : files.list(p)) {
                    String name = MigrationFiles.nameOf(f).toLowerCase(Locale.ROOT);
                    if (name.startsWith("application") && (name.endsWith(".properties") || name.endsWith(".yml")
                            || name.endsWith(".yaml"))) {
                        out.add(f);
                    }
                }
            }
            for (String conf : List.of("flyway.conf", "conf/flyway.conf")) {
                Path f = p.resolve(conf);
                if (files.exists(f)) {
                    out.add(f);
                }
            }
        }
        for (String conf : List.of("flyway.conf", "conf/flyway.conf")) {
            Path f = Path.of(conf);
            if (files.exists(f) && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static void read(SourceFile file, Map<String, String> values) {
        try {
            for (ConfigEntries.Entry e : ConfigEntries.read(file)) {
                for (String prefix : PREFIXES) {
                    // a value the build fills in (${maven.property}) is no more known than none
                    if (e.key().startsWith(prefix) && e.key().length() > prefix.length() && !e.value().contains("${")) {
                        values.putIfAbsent(e.key().substring(prefix.length()), e.value());
                    }
                }
            }
        } catch (RuntimeException e) {
            // a configuration file that cannot be read gives no values: placeholders stay opaque names
        }
    }

    /** The text as Flyway would run it, as far as known, with every character at its place. */
    String apply(String text) {
        if (!text.contains("${")) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            char before = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
            char next = m.end() < text.length() ? text.charAt(m.end()) : ' ';
            if (next == '.' && !values.containsKey(m.group(1)) && !isNamePart(before)) {
                // ${schema}.table: a qualifier whose value is not known is left out, dot included (tables are
                // matched without their schema), so messages name the table as the code does
                out.append(" ".repeat(m.end() - m.start() + 1));
                last = m.end() + 1;
                continue;
            }
            int quoted = quotedQualifierEnd(text, m.start(), m.end());
            if (quoted > 0 && !values.containsKey(m.group(1))) {
                // [${schema}].table, "${schema}".table: the same, quotes and all
                out.setCharAt(out.length() - 1, ' ');
                out.append(" ".repeat(quoted - m.start()));
                last = quoted;
                continue;
            }
            out.append(replacement(m.group(1), m.end() - m.start(), next));
            last = m.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /**
     * Where a placeholder written as a quoted qualifier ({@code [${x}].}, {@code "${x}".}, {@code `${x}`.}) ends,
     * past its dot; -1 when it is not one.
     */
    private static int quotedQualifierEnd(String text, int start, int end) {
        if (start == 0 || end + 1 >= text.length()) {
            return -1;
        }
        char open = text.charAt(start - 1);
        char close = open == '[' ? ']' : open == '"' || open == '`' ? open : 0;
        boolean alone = start < 2 || !isNamePart(text.charAt(start - 2));
        return close != 0 && alone && text.charAt(end) == close && text.charAt(end + 1) == '.' ? end + 2 : -1;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '"' || c == '`' || c == ']';
    }

    private String replacement(String name, int length, char next) {
        String value = values.get(name);
        boolean glued = Character.isLetterOrDigit(next) || next == '_';
        if (value != null && PLAIN_NAME.matcher(value).matches() && value.length() <= length && !glued) {
            return value + " ".repeat(length - value.length());
        }
        String opaque = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (!Character.isLetter(opaque.charAt(0))) {
            opaque = "_" + opaque;
        }
        StringBuilder b = new StringBuilder(opaque);
        while (b.length() < length) {
            b.append('_');
        }
        return b.substring(0, length);
    }
}
