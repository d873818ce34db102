package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.model.Dialect;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase {@code dbms} attributes, read from the changelog text before it is parsed (the parser needs
 * the dialect first): {@code dbms="mysql"} in XML, {@code dbms: mysql} in YAML, {@code "dbms": "mysql"} in
 * JSON, {@code dbms:mysql} on a formatted SQL {@code --changeset} line. Negations ({@code !h2}) and
 * {@code all} / {@code none} name no database.
 */
final class DbmsEvidence {
    private static final Pattern XML = Pattern.compile("\\bdbms\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern YAML_JSON = Pattern.compile("(?m)^[\\s-]*\"?dbms\"?\\s*:\\s*\"?([^\"\\n#,}]+(?:,[^\"\\n#}]+)*)");
    private static final Pattern FORMATTED = Pattern.compile("(?mi)^\\s*--\\s*changeset\\s.*?\\bdbms:(\\S+)");

    private DbmsEvidence() {
    }

    /** Adds the databases this changelog's dbms attributes name, counting each attribute. */
    static void scan(String fileName, String text, Map<Dialect, Integer> counts) {
        String name = fileName.toLowerCase(Locale.ROOT);
        Pattern pattern;
        if (name.endsWith(".xml")) {
            if (!text.contains("databaseChangeLog")) {
                return;
            }
            pattern = XML;
        } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            if (!text.contains("databaseChangeLog")) {
                return;
            }
            pattern = YAML_JSON;
        } else if (name.endsWith(".sql")) {
            pattern = FORMATTED;
        } else {
            return;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (String value : m.group(1).split(",")) {
                Dialect.parse(value.trim()).filter(d -> d != Dialect.GENERIC).ifPresent(d -> counts.merge(d, 1, Integer::sum));
            }
        }
    }
}
