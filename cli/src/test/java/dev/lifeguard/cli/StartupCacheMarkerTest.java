package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The marker the launcher reads to start a directory that holds Liquibase changelogs on its full start-up cache. */
class StartupCacheMarkerTest {
    @TempDir
    Path dir;

    private static Project load(String example) throws Exception {
        Path root = RepositoryFiles.root().resolve("examples").resolve(example);
        return LintRunner.PROJECT_LOADER.load(new LoadOptions(root, List.of("."), null, List.of()));
    }

    @Test
    void aProjectWithAChangelogLeavesTheMarker() throws Exception {
        Path marker = dir.resolve("liquibase-1");
        StartupCacheMarker.note(load("liquibase-shop"), marker.toString());
        assertTrue(Files.isRegularFile(marker));
        StartupCacheMarker.note(load("liquibase-shop"), marker.toString()); // already there: nothing to say
        assertTrue(Files.isRegularFile(marker));
    }

    @Test
    void aSqlProjectLeavesNone() throws Exception {
        Path marker = dir.resolve("liquibase-2");
        StartupCacheMarker.note(load("flyway-shop"), marker.toString());
        assertFalse(Files.exists(marker));
    }

    @Test
    void withoutTheLauncherOrWithAMissingCacheDirectoryNothingHappens() throws Exception {
        Project liquibase = load("liquibase-shop");
        StartupCacheMarker.note(liquibase, null);
        StartupCacheMarker.note(liquibase, "");
        Path missing = dir.resolve("gone/liquibase-3");
        StartupCacheMarker.note(liquibase, missing.toString());
        assertFalse(Files.exists(missing.getParent()));
    }
}
