package dev.lifeguard.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database version the migrations must be safe on ({@code --target-version}). A version names a
 * release series: parts left out stand for the newest release of that series, so {@code mysql:8.0}
 * counts as at least 8.0.12 (every 8.0 still supported is) while {@code mysql:8.0.11} does not.
 *
 * @param dialect the database the version is of
 * @param parts   the numbers given, major first; empty for a database we hold no version knowledge for
 *                (every version check then assumes the newest release)
 */
public record TargetVersion(Dialect dialect, List<Integer> parts) {

    public TargetVersion {
        parts = List.copyOf(parts);
    }

    /**
     * The default: the oldest release series with upstream support when these were set (November 2026) —
     * PostgreSQL 15 (supported until November 2027), MySQL 8.4 LTS (April 2032), MariaDB 10.11 LTS
     * (February 2028); no version for the others. docs/dialects.md states them; move them on as series reach end of life.
     */
    public static TargetVersion defaultFor(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new TargetVersion(dialect, List.of(15));
            case MYSQL -> new TargetVersion(dialect, List.of(8, 4));
            case MARIADB -> new TargetVersion(dialect, List.of(10, 11));
            default -> new TargetVersion(dialect, List.of());
        };
    }

    /**
     * Parses {@code postgresql:11}, {@code mysql:8.0.11}, or a bare {@code 11}, which is a version of
     * {@code dialect} (the dialect being linted). Empty when the text is not a version.
     */
    public static Optional<TargetVersion> parse(String text, Dialect dialect) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        Dialect of = dialect;
        int colon = value.indexOf(':');
        if (colon >= 0) {
            Optional<Dialect> named = Dialect.parse(value.substring(0, colon));
            if (named.isEmpty()) {
                return Optional.empty();
            }
            of = named.get();
            value = value.substring(colon + 1).trim();
        }
        if (of == null || !value.matches("\\d{1,6}(\\.\\d{1,6}){0,3}")) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String p : value.split("\\.")) {
            numbers.add(Integer.parseInt(p));
        }
        return Optional.of(new TargetVersion(of, numbers));
    }

    /** Whether the target includes {@code version} or later: {@code atLeast(11)}, {@code atLeast(8, 0, 12)}. */
    public boolean atLeast(int... version) {
        for (int i = 0; i < version.length; i++) {
            if (i >= parts.size()) {
                return true; // a series given without this part: its newest release
            }
            if (parts.get(i) != version[i]) {
                return parts.get(i) > version[i];
            }
        }
        return true;
    }

    /** The major version, or {@link Integer#MAX_VALUE} when none is known. */
    public int major() {
        return parts.isEmpty() ? Integer.MAX_VALUE : parts.get(0);
    }

    /** As users write it: {@code postgresql:14}, {@code mysql:8.0}. */
    @Override
    public String toString() {
        List<String> p = new ArrayList<>();
        parts.forEach(n -> p.add(String.valueOf(n)));
        return dialect.id() + (parts.isEmpty() ? "" : ":" + String.join(".", p));
    }
}
