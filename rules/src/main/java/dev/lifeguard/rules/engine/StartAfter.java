package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.discovery.Versions;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The point up to which migrations are already deployed ({@code start-after} in lifeguard.yml): those at
 * or before it are replayed, so later migrations see the tables they made, but not reported on. A team
 * adopting Lifeguard on a repository with hundreds of old migrations sets it to the last one released.
 *
 * <p>A migration's position is its version (Flyway, golang-migrate, dbmate, popx: compared numerically,
 * part by part, so 1.10 comes after 1.9); for a Liquibase changeSet, the number the changelog file name
 * starts with (teams name them {@code 0004_...} or {@code 20210302-...}), else a dotted version in the file
 * name ({@code jpa-changelog-26.5.0.xml}, {@code changelog-6.13.0.xml}, {@code update-to-latest-2.9.x.xml}),
 * else the number its id starts with. A date ({@code 2024-01-31}) is compared with the first eight digits of
 * that position when they read as a date (timestamped versions: {@code 20240131093000}).
 *
 * <p>A history is deployed in its order (the master changelog's include order, the version order): so every
 * migration up to the last one at or before the point is deployed, those without a position (a changelog
 * named without a number, included before it) as well. After that, only migrations without a position or
 * beyond the point are linted.
 */
public final class StartAfter {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern VERSION = Pattern.compile("[vV]?(\\d+(?:[._]\\d+)*)");
    private static final Pattern LEADING_VERSION = Pattern.compile("^[vV]?(\\d+(?:[._]\\d+)*)");
    private static final Pattern LEADING_DIGITS = Pattern.compile("^(\\d[\\d_.-]*)");
    /** A dotted version somewhere in a changelog's name: {@code 26.5.0}, {@code 2.9} of {@code 2.9.x}. */
    private static final Pattern DOTTED_VERSION = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)+)");

    /** Per history (by identity), its migrations up to the last one at or before the point. */
    private final java.util.Map<History, java.util.Set<Migration>> deployed = new java.util.IdentityHashMap<>();

    private final String text;
    private final String date;    // yyyymmdd, or null
    private final String version; // or null

    private StartAfter(String text, String date, String version) {
        this.text = text;
        this.date = date;
        this.version = version;
    }

    /** A version ({@code 42}, {@code 2.3.1}, {@code 20240131093000}) or a date ({@code 2024-01-31}). */
    public static Optional<StartAfter> parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher d = DATE.matcher(t);
        if (d.matches() && plausibleDate(d.group(1) + d.group(2) + d.group(3))) {
            return Optional.of(new StartAfter(t, d.group(1) + d.group(2) + d.group(3), null));
        }
        Matcher v = VERSION.matcher(t);
        if (v.matches()) {
            return Optional.of(new StartAfter(t, null, v.group(1)));
        }
        return Optional.empty();
    }

    /**
     * Whether the migration of this history is already deployed: it comes, in the history's order, no later
     * than the last migration at or before the point.
     */
    public synchronized boolean covers(History history, Migration m) {
        return deployed.computeIfAbsent(history, h -> {
            int last = -1;
            for (int i = 0; i < h.migrations().size(); i++) {
                if (covers(h.migrations().get(i))) {
                    last = i;
                }
            }
            java.util.Set<Migration> prefix = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            prefix.addAll(h.migrations().subList(0, last + 1));
            return prefix;
        }).contains(m);
    }

    /** Whether the migration lies at or before this point, i.e. is already deployed. */
    public boolean covers(Migration m) {
        String position = position(m);
        if (position == null) {
            return false;
        }
        if (version != null) {
            Matcher v = LEADING_VERSION.matcher(position);
            return v.find() && Versions.compare(v.group(1), version) <= 0;
        }
        Matcher digits = LEADING_DIGITS.matcher(position);
        if (!digits.find()) {
            return false;
        }
        String numbers = digits.group(1).replaceAll("\\D", "");
        return numbers.length() >= 8 && plausibleDate(numbers.substring(0, 8))
                && numbers.substring(0, 8).compareTo(date) <= 0;
    }

    private static String position(Migration m) {
        if (m.version() != null) {
            return m.version();
        }
        if (m.kind() != Migration.Kind.CHANGESET) {
            return null;
        }
        String file = m.file().getFileName() == null ? "" : m.file().getFileName().toString();
        if (LEADING_DIGITS.matcher(file).find()) {
            return file;
        }
        Matcher dotted = DOTTED_VERSION.matcher(file);
        if (dotted.find()) {
            return dotted.group(1);
        }
        return LEADING_DIGITS.matcher(m.id()).find() ? m.id() : null;
    }

    private static boolean plausibleDate(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        return year >= 1970 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    @Override
    public String toString() {
        return text;
    }
}
