package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.rules.compatibility.NotNullWithoutDefaultRule;
import dev.lifeguard.rules.testing.ProjectBuilder;
import org.junit.jupiter.api.Test;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which tables count as new: the judgement every hazard rule relies on. */
class MigrationContextTest {
    private final NotNullWithoutDefaultRule rule = new NotNullWithoutDefaultRule();

    @Test
    void anIncludedChangelogIsWrittenAsOnePiece() {
        ProjectBuilder b = ProjectBuilder.liquibase(Dialect.POSTGRESQL, "master.xml");
        b.changeSet("parts/1021.xml", "1021-1", 3, Reverse.automatic(), create("h", col("id", "int")))
                .changeSet("parts/1021.xml", "1021-2", 9, Reverse.automatic(), addColumn("h", notNull("c", "int", null)));
        assertTrue(b.lint(rule).isEmpty());
    }

    @Test
    void theRootChangelogGrowsReleaseAfterRelease() {
        ProjectBuilder b = ProjectBuilder.liquibase(Dialect.POSTGRESQL, "master.xml");
        b.changeSet("master.xml", "1", 3, Reverse.automatic(), create("h", col("id", "int")))
                .changeSet("master.xml", "2", 9, Reverse.automatic(), addColumn("h", notNull("c", "int", null)))
                .changeSet("master.xml", "3", 15, Reverse.automatic(), create("g", col("id", "int")),
                        addColumn("g", notNull("c", "int", null)));
        assertEquals(1, b.lint(rule).size());
    }

    @Test
    void aTableFromAnEarlierFlywayFileIsExisting() {
        assertEquals(1, postgres().version("1", create("h", col("id", "int")))
                .version("2", addColumn("h", notNull("c", "int", null))).lint(rule).size());
    }
}
