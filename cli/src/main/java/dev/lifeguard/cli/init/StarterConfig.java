package dev.lifeguard.cli.init;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A first {@code lifeguard.yml} for a project, from what discovery found in it: the dialect, the migration
 * directories and the application code directories; the other keys are written commented out, so a team
 * sees what it can set. Keys as {@code lifeguard.yml} reads them (dialect, target-version, migrations,
 * code, exclude, start-after, deploy, rules).
 */
public final class StarterConfig {
    /** Where application code usually lives, for rules that look for references to a dropped column. */
    static final List<String> CODE_DIRECTORIES = List.of("src/main/java", "src/main/kotlin", "src/main/scala",
            "app", "lib", "internal", "pkg", "cmd");

    private StarterConfig() {
    }

    public static String text(Path root, Project project) {
        List<History> histories = project.histories();
        StringBuilder sb = new StringBuilder();
        sb.append("# Lifeguard configuration, written by 'lifeguard init'. Paths are relative to this file.\n");
        Dialect dialect = mostCommon(histories);
        if (dialect == null) {
            sb.append("# No migrations were found, so the dialect is Lifeguard's default.\n");
            dialect = Dialect.POSTGRESQL;
        }
        sb.append("dialect: ").append(dialect.id()).append('\n');
        sb.append("# target-version: \"").append(dialect == Dialect.POSTGRESQL ? "13" : "8.0")
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
        if (code.isEmpty()) {
            sb.append("# code: [src/main/java]\n");
        } else {
            sb.append("code:\n");
            code.forEach(c -> sb.append("  - ").append(c).append('\n'));
        }
        sb.append("""
                # exclude: ["db/migration/legacy/**"]
                # start-after: "41"                # migrations up to this version are deployed: read, not reported
                # deploy: migrations-at-startup    # or migrations-first, or separate (code may start before its migrations)
                # rules:
                #   drop-column: error             # off | on | error | warning | note
                #   missing-reverse: off
                """);
        return sb.toString();
    }

    private static Dialect mostCommon(List<History> histories) {
        Map<Dialect, Long> counts = histories.stream()
                .collect(Collectors.groupingBy(History::dialect, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<Dialect, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static String slashed(Path p) {
        return p.toString().replace('\\', '/');
    }
}
