package dev.lifeguard.cli.init;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A first {@code lifeguard.yml} for a project, from what discovery found in it: the migration directories
 * (as lint finds them by itself: no test or fixture trees), the dialect when it was detected and no
 * directory names its own (a {@code dialect:} would override per-directory detection, and an assumed one is
 * a guess), and code directories only where the default would not find them; the other keys are written
 * commented out, so a team sees what it can set. Keys as {@code lifeguard.yml} reads them (dialect, target-version, migrations,
 * code, exclude, start-after, deploy, rules).
 */
public final class StarterConfig {
    /**
     * Where application code lives outside a JVM layout, for rules that look for references to a dropped
     * column (a {@code src/main} tree is found by default, with its configuration).
     */
    static final List<String> CODE_DIRECTORIES = List.of("app", "lib", "internal", "pkg", "cmd");

    private StarterConfig() {
    }

    public static String text(Path root, Project project) {
        List<History> histories = project.histories();
        StringBuilder sb = new StringBuilder();
        sb.append("# Lifeguard configuration, written by 'lifeguard init'. Paths are relative to this file.\n");
        Dialect dialect = project.dialect().dialect();
        Set<Dialect> perHistory = histories.stream().map(History::dialect).collect(Collectors.toCollection(TreeSet::new));
        if (perHistory.size() > 1) {
            // dialect: would override that: each directory stays read for the database its path names
            sb.append("# dialect: not set: the migration directories name their own databases (")
                    .append(String.join(", ", perHistory.stream().map(Dialect::id).toList())).append(")\n");
        } else if (project.dialect().source() == DialectChoice.Source.ASSUMED) {
            sb.append("# dialect: ").append(dialect.id())
                    .append("   # not detected (Lifeguard assumes postgresql): set the database you deploy to\n");
        } else {
            sb.append("dialect: ").append(dialect.id()).append("   # detected: ")
                    .append(project.dialect().evidence()).append('\n');
        }
        // the default Lifeguard judges for (the oldest release series supported upstream), to lower if older ones run
        String version = dev.lifeguard.analyzer.model.TargetVersion.defaultFor(dialect).toString();
        version = version.indexOf(':') < 0 ? "<version>" : version.substring(version.indexOf(':') + 1);
        sb.append("# target-version: \"").append(version)
                .append("\"          # the oldest version you deploy to; quote it\n");
        TreeSet<String> locations = histories.stream().map(h -> slashed(h.location()))
                .collect(Collectors.toCollection(TreeSet::new));
        if (locations.isEmpty()) {
            sb.append("# migrations: [db/migration]\n");
        } else {
            sb.append("migrations:\n");
            locations.forEach(l -> sb.append("  - ").append(l.isEmpty() ? "." : l).append('\n'));
        }
        List<String> code = new ArrayList<>();
        for (String dir : CODE_DIRECTORIES) {
            if (Files.isDirectory(root.resolve(dir))) {
                code.add(dir);
            }
        }
        if (code.isEmpty() || Files.isDirectory(root.resolve("src/main"))) {
            // the default is the src/main trees beside the migrations: sources and application*.yml alike
            // (a code: list of src/main/java alone would hide the settings app-managed-schema reads)
            sb.append("# code: [src/main]                  # default: the src/main trees beside the migrations\n");
        } else {
            sb.append("code:\n");
            code.forEach(c -> sb.append("  - ").append(c).append('\n'));
        }
        sb.append("""
                # exclude: ["db/migration/legacy/**"]
                # start-after: "41"                # migrations up to this version are deployed: read, not reported
                # deploy: migrations-at-startup    # or migrations-first, or separate (code may start before its migrations)
                # liquibase:                       # which changeSets an update runs (default: all)
                #   contexts: prod
                #   label-filter: "!experimental"
                # rules:
                #   drop-column: error             # off | on | error | warning | note
                #   missing-reverse: off
                """);
        return sb.toString();
    }

    private static String slashed(Path p) {
        return p.toString().replace('\\', '/');
    }
}
