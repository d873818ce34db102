package dev.lifeguard.intellij.problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectRootsTest {
    @TempDir
    Path dir;

    @Test
    void theNearestDirectoryWithConfigOrGitIsTheRoot() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path service = Files.createDirectories(repo.resolve("services/billing"));
        Path file = Files.createDirectories(service.resolve("db/migration")).resolve("V1__a.sql");
        assertEquals(repo, ProjectRoots.of(file, null));

        Files.writeString(service.resolve(ProjectRoots.CONFIG_FILE), "dialect: postgresql\n");
        assertEquals(service, ProjectRoots.of(file, repo));
    }

    @Test
    void withoutThemTheIdeProjectOrElseTheFilesDirectory() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        Path file = migrations.resolve("V1__a.sql");
        assertEquals(project, ProjectRoots.of(file, project));
        assertEquals(migrations, ProjectRoots.of(file, dir.resolve("elsewhere")));
        assertEquals(migrations, ProjectRoots.of(file, null));
    }
}
