package dev.lifeguard.rules.integrity;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.analyzer.discovery.Versions;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.ProjectContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The versions a history had at the base of the change under review, read from the file names git lists
 * there: databases already ran them. A new migration that takes one of them is a duplicate even when the
 * old file is gone now, and a new Flyway migration below the newest of them is out of order.
 */
final class VersionsAtBase {
    /** Flyway's versioned name; undo (U) files share their migration's version and are not migrations. */
    private static final Pattern FLYWAY = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    /** golang-migrate and dbmate: a leading number; golang-migrate's down files are not migrations. */
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)_.*\\.sql");

    private VersionsAtBase() {
    }

    static void check(ProjectContext ctx, History history, Change change) {
        Pattern naming = switch (history.framework()) {
            case FLYWAY -> FLYWAY;
            case GOLANG_MIGRATE, DBMATE -> NUMBERED;
            default -> null;
        };
        if (naming == null) {
            return;
        }
        // the directories the history reads now; at the base its files lay in the same ones
        Set<Path> dirs = history.migrations().stream().map(m -> parentOf(m.file())).collect(Collectors.toSet());
        dirs.add(history.location());
        Map<String, Path> atBase = new HashMap<>();
        String newest = null;
        for (Path file : change.baseFiles()) {
            Optional<String> version = version(naming, dirs, file);
            if (version.isPresent()) {
                atBase.putIfAbsent(MigrationKeys.ofVersion(version.get(), file), file);
                if (newest == null || Versions.compare(version.get(), newest) > 0) {
                    newest = version.get();
                }
            }
        }
        Set<Path> presentNow = history.migrations().stream().map(Migration::file).collect(Collectors.toSet());
        for (Migration m : history.migrations()) {
            Optional<FileChange> edit = change.of(m.file()).filter(f -> f.status() == FileChange.Status.ADDED
                    || f.status() == FileChange.Status.RENAMED);
            if (edit.isEmpty() || m.kind() != Migration.Kind.VERSIONED || m.version() == null || m.version().isBlank()
                    || m.baseline()) { // a new baseline serves new databases only: no deployed one ran its version
                continue;
            }
            String key = MigrationKeys.of(m);
            Path taken = atBase.get(key);
            Path was = edit.get().oldPath();
            if (taken != null && !taken.equals(was)) {
                // when the old owner still exists, the ordinary duplicate check reports both files
                if (!presentNow.contains(taken)) {
                    ctx.report(Spans.firstLine(m.span(), ctx.project()), "version " + m.version() + " was already taken at "
                            + change.base() + " by " + slash(taken) + ": databases that ran that migration have version "
                            + m.version() + " applied, so " + m.framework().displayName()
                            + " reports a mismatch or never runs this one",
                            "Give this migration the next free version; versions that were ever deployed are never reused",
                            null, List.of());
                }
                continue;
            }
            boolean wasSameVersion = was != null && version(naming, dirs, was)
                    .map(v -> MigrationKeys.ofVersion(v, was).equals(key)).orElse(false);
            if (history.framework() == Framework.FLYWAY && newest != null && !wasSameVersion
                    && Versions.compare(m.version(), newest) < 0 && !outOfOrderAllowed(ctx)) {
                ctx.report(Spans.firstLine(m.span(), ctx.project()), "version " + m.version()
                                + " is out of order: it is new since " + change.base() + " but lower than " + newest
                                + ", the newest version there; Flyway refuses to apply it where " + newest
                                + " already ran, unless outOfOrder is set",
                        "Renumber it above " + newest + " (or set Flyway's outOfOrder=true knowingly)", null, List.of());
            }
        }
    }

    /**
     * Whether the project's Flyway configuration lets Flyway apply a migration below the newest applied one
     * ({@code spring.flyway.out-of-order=true}, {@code flyway.outOfOrder=true} in {@code application*.properties|yml}
     * or {@code flyway.conf}): then a new lower version runs where the newer ones already ran.
     */
    private static boolean outOfOrderAllowed(ProjectContext ctx) {
        for (java.util.Map.Entry<Path, dev.lifeguard.analyzer.model.SourceFile> e : ctx.project().sources().entrySet()) {
            String name = e.getKey().getFileName() == null ? "" : e.getKey().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            boolean config = name.equals("flyway.conf") || name.startsWith("application")
                    && (name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml"));
            if (!config) {
                continue;
            }
            try {
                for (dev.lifeguard.analyzer.code.ConfigEntries.Entry c : dev.lifeguard.analyzer.code.ConfigEntries.read(e.getValue())) {
                    String key = c.key().toLowerCase(java.util.Locale.ROOT).replace("-", "");
                    if ((key.equals("spring.flyway.outoforder") || key.equals("flyway.outoforder"))
                            && c.value().trim().equalsIgnoreCase("true")) {
                        return true;
                    }
                }
            } catch (RuntimeException ex) {
                // a configuration file that cannot be read says nothing about the order
            }
        }
        return false;
    }

    private static Path parentOf(Path file) {
        return file.getParent() == null ? Path.of("") : file.getParent();
    }

    private static Optional<String> version(Pattern naming, Set<Path> dirs, Path file) {
        if (file.getFileName() == null || !dirs.contains(parentOf(file))) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".down.sql")) {
            return Optional.empty();
        }
        Matcher m = naming.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
