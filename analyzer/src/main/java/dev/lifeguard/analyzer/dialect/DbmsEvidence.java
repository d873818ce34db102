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
    /**
     * What the changelogs say, summed: the databases their dbms attributes name (counted per attribute), how
     * many changeSets there are, and whether they write per-database variants (a negated {@code dbms="!x"},
     * a {@code <dbms type=...>} precondition), which shows a project that runs on several databases.
     */
    static final class Tally {
        final java.util.Map<Dialect, Integer> counts = new java.util.TreeMap<>();
        int changeSets;
        boolean variants;

        /**
         * The project's database, when the changelogs say it: every dbms attribute names that one, they sit on
         * at least half of the changeSets, and no changeSet is a variant for some other database. A single
         * {@code dbms="mssql"} exception in a project that supports many databases says nothing.
         */
        java.util.Optional<java.util.Map.Entry<Dialect, Integer>> project() {
            if (counts.size() != 1 || variants) {
                return java.util.Optional.empty();
            }
            java.util.Map.Entry<Dialect, Integer> e = counts.entrySet().iterator().next();
            return e.getValue() * 2 >= changeSets ? java.util.Optional.of(e) : java.util.Optional.empty();
        }
    }

    private static final Pattern CHANGESETS = Pattern.compile("(?mi)<changeSet\\b|^[\\s-]*\"?changeSet\"?\\s*:|^\\s*--\\s*changeset\\s");
    private static final Pattern VARIANT = Pattern.compile("(?i)\\bdbms\\s*[=:]\\s*[\"']?\\s*!|<dbms\\b|-\\s*dbms\\s*:\\s*$|\"dbms\"\\s*:\\s*\\{");
    private static final Pattern XML = Pattern.compile("\\bdbms\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern YAML_JSON = Pattern.compile("(?m)^[\\s-]*\"?dbms\"?\\s*:\\s*\"?([^\"\\n#,}]+(?:,[^\"\\n#}]+)*)");
    private static final Pattern FORMATTED = Pattern.compile("(?mi)^\\s*--\\s*changeset\\s.*?\\bdbms:(\\S+)");

    private DbmsEvidence() {
    }

    /** Adds what this changelog says to the tally. */
    static void scan(String fileName, String text, Tally tally) {
        Map<Dialect, Integer> counts = tally.counts;
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
        Matcher cs = CHANGESETS.matcher(text);
        while (cs.find()) {
            tally.changeSets++;
        }
        tally.variants |= VARIANT.matcher(text).find();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (String value : m.group(1).split(",")) {
                Dialect.parse(value.trim()).filter(d -> d != Dialect.GENERIC).ifPresent(d -> counts.merge(d, 1, Integer::sum));
            }
        }
    }
}
