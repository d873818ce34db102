package dev.lifeguard.rules.integrity;

import dev.lifeguard.analyzer.model.Migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes two migrations of one history the same one, as their tool sees it. */
final class MigrationKeys {
    /** popx / kratos keep one file per dialect under one version: {@code 2019_x.postgres.up.sql}. */
    private static final Pattern DIALECT_IN_NAME = Pattern.compile(
            "\\.(postgres|postgresql|mysql|mariadb|sqlite3?|cockroach|mssql|sqlserver|oracle|h2)\\.", Pattern.CASE_INSENSITIVE);
    /** Compiled once: String.split and String.matches compile their pattern at every call, for every migration. */
    private static final Pattern VERSION_SEPARATOR = Pattern.compile("[._]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private MigrationKeys() {
    }

    /** The identity key, or null for migrations that have none (repeatables). */
    static String of(Migration m) {
        if (m.kind() == Migration.Kind.CHANGESET) {
            // changeSets meant for different contexts, labels or databases are variants, not duplicates
            return m.file() + "\u0000" + m.id() + "\u0000" + new TreeSet<>(m.contexts())
                    + new TreeSet<>(m.labels()) + new TreeSet<>(m.dbms());
        }
        if (m.kind() != Migration.Kind.VERSIONED || m.version() == null || m.version().isBlank()) {
            return null;
        }
        // a Flyway baseline shares its version with the versioned migration it sums up: B5 beside V5 is usual
        return (m.baseline() ? "baseline " : "") + ofVersion(m.version(), m.file());
    }

    /** The identity key of a versioned file, from its version and name. */
    static String ofVersion(String version, java.nio.file.Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.indexOf('.') == name.lastIndexOf('.')) {
            return normalizedVersion(version); // one dot at most: no ".postgres." in it (an editor asks per keystroke)
        }
        Matcher d = DIALECT_IN_NAME.matcher(name);
        return normalizedVersion(version) + (d.find() ? "@" + d.group(1).toLowerCase(Locale.ROOT) : "");
    }

    /**
     * Versions compare numerically part by part, as Flyway and golang-migrate do: 1.01, 1_1 and 1.1.0 are
     * all version 1.1, and 000002 is 2.
     */
    static String normalizedVersion(String version) {
        String plain = version.trim();
        if (!plain.isEmpty() && plain.length() < 19 && plain.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.toString(Long.parseLong(plain)); // the common case, 000002 is 2, without the parts below
        }
        List<String> parts = new ArrayList<>();
        for (String p : VERSION_SEPARATOR.split(version.trim())) {
            parts.add(DIGITS.matcher(p).matches() ? new BigInteger(p).toString() : p.toLowerCase(Locale.ROOT));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts);
    }
}
