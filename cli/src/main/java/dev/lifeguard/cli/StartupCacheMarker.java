package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the launcher that runs in this directory meet Liquibase changelogs. On Java 25 the JVM loads every class
 * of its ahead-of-time cache at start-up, so {@code bin/lifeguard} starts a directory on a cache recorded from SQL
 * runs alone (without Liquibase's, Jackson's and SnakeYAML's thousands of classes) and names, in the system
 * property {@value #PROPERTY}, the file to create when a run there reads a changelog; from then on it starts runs
 * in that directory on the full cache. Best effort: a marker that cannot be written only costs start-up time.
 */
final class StartupCacheMarker {
    static final String PROPERTY = "lifeguard.cache.liquibaseMarker";

    private StartupCacheMarker() {
    }

    /** The project, after noting it when the launcher asked for it. */
    static Project note(Project project) {
        note(project, System.getProperty(PROPERTY));
        return project;
    }

    static void note(Project project, String marker) {
        if (marker == null || marker.isEmpty()) {
            return;
        }
        for (History history : project.histories()) {
            if (history.framework() == Framework.LIQUIBASE) {
                try {
                    Files.createFile(Path.of(marker));
                } catch (IOException | RuntimeException e) {
                    // already there, or the cache directory is gone or read-only: the launcher keeps the SQL cache
                }
                return;
            }
        }
    }
}
