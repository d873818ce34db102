package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which changeSets of a changelog the change under review is about, and which are new. */
class ReviewScopeTest {
    private static final Path MASTER = Path.of("db/changelog/db.changelog-master.sql");
    private static final String OLD = """
            --liquibase formatted sql

            --changeset ana:1
            CREATE TABLE users (id bigint PRIMARY KEY, name text);

            --changeset ana:2
            CREATE INDEX users_name ON users (name);
            """;
    private static final String NOW = OLD.replace("(name)", "(name, id)") + """

            --changeset ana:3
            CREATE TABLE orders (id bigint PRIMARY KEY);
            """;

    @TempDir
    Path root;

    @Test
    void aModifiedChangelogIsReviewedChangeSetByChangeSet() throws Exception {
        Project project = load(NOW);
        ReviewScope scope = ReviewScope.of(Change.of("main", List.of(FileChange.modified(MASTER)), Map.of(MASTER, OLD)), project);
        assertTrue(scope.knowsChangeSetsOf(MASTER));
        assertFalse(scope.covers(changeSet(project, "1::ana")), "left as it was");
        assertTrue(scope.covers(changeSet(project, "2::ana")), "edited");
        assertTrue(scope.covers(changeSet(project, "3::ana")), "added");
        assertFalse(scope.reports(changeSet(project, "1::ana").span()));
        assertTrue(scope.reports(changeSet(project, "3::ana").span()));
        assertTrue(scope.isNew(MASTER, "3::ana"));
        assertFalse(scope.isNew(MASTER, "2::ana"), "an edited changeSet ran in production in its old form");
    }

    @Test
    void aBaseThatCannotBeReadLeavesTheWholeFileUnderReview() throws Exception {
        Project project = load(NOW);
        ReviewScope scope = ReviewScope.of(Change.of("main", List.of(FileChange.modified(MASTER)),
                Map.of(MASTER, "not a changelog\n")), project);
        assertFalse(scope.knowsChangeSetsOf(MASTER));
        assertTrue(scope.covers(changeSet(project, "1::ana")));
        assertFalse(scope.isNew(MASTER, "3::ana"), "unknown is not new: hazards stay reported");
    }

    @Test
    void anAddedFileIsNewAndWithoutAChangeEverythingIsUnderReview() throws Exception {
        Project project = load(NOW);
        ReviewScope added = ReviewScope.of(Change.of("main", List.of(FileChange.added(MASTER)), Map.of()), project);
        assertTrue(added.covers(changeSet(project, "1::ana")));
        assertTrue(added.isNew(MASTER, "1::ana"));
        ReviewScope none = ReviewScope.of(null, project);
        assertTrue(none.covers(changeSet(project, "1::ana")));
        assertFalse(none.isNew(MASTER, "3::ana"));
    }

    private Project load(String text) throws Exception {
        Files.createDirectories(root.resolve(MASTER).getParent());
        Files.writeString(root.resolve(MASTER), text);
        return new ProjectLoader().load(new LoadOptions(root, List.of("."), Dialect.POSTGRESQL, List.of()));
    }

    private static Migration changeSet(Project project, String id) {
        return project.histories().stream().flatMap(h -> h.migrations().stream()).filter(m -> m.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not loaded"));
    }
}
