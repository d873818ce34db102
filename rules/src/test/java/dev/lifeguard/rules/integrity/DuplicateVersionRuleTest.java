package dev.lifeguard.rules.integrity;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.ProjectBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateVersionRuleTest {
    private final DuplicateVersionRule rule = new DuplicateVersionRule();

    @Test
    void reportsEachOfTheDuplicatesWithTheOtherAsRelated() {
        List<Finding> f = postgres()
                .migration("db/migration/V1__users.sql", "1", Reverse.none())
                .migration("db/migration/V2__fax.sql", "2", Reverse.none())
                .migration("db/migration/V2__phone.sql", "2", Reverse.none())
                .lint(rule);
        assertEquals(2, f.size());
        for (Finding finding : f) {
            assertEquals(1, finding.span().startLine());
            assertEquals(1, finding.related().size());
            assertTrue(!finding.related().get(0).span().file().equals(finding.span().file()));
        }
    }

    @Test
    void versionsCompareNumerically() {
        assertEquals(2, postgres().migration("a/V1.1__a.sql", "1.1", Reverse.none())
                .migration("a/V1_01__b.sql", "1_01", Reverse.none()).lint(rule).size());
        assertEquals(2, ProjectBuilder.of(Framework.GOLANG_MIGRATE, Dialect.POSTGRESQL)
                .migration("m/000002_a.up.sql", "000002", Reverse.none())
                .migration("m/2_b.up.sql", "2", Reverse.none()).lint(rule).size());
        assertTrue(postgres().migration("a/V1.1__a.sql", "1.1", Reverse.none())
                .migration("a/V1.10__b.sql", "1.10", Reverse.none()).lint(rule).isEmpty());
        assertEquals("1.1", MigrationKeys.normalizedVersion("01.1.0"));
    }

    @Test
    void perDialectFilesOfOneVersionAreVariants() {
        assertTrue(ProjectBuilder.of(Framework.GOLANG_MIGRATE, Dialect.POSTGRESQL)
                .migration("m/2019_x.postgres.up.sql", "2019", Reverse.none())
                .migration("m/2019_x.mysql.up.sql", "2019", Reverse.none()).lint(rule).isEmpty());
    }

    @Test
    void liquibaseSameIdInSameFileUnlessContextsDiffer() {
        ProjectBuilder b = ProjectBuilder.liquibase(Dialect.POSTGRESQL, "c.xml");
        b.changeSet("c.xml", "1", 3, Reverse.automatic()).changeSet("c.xml", "1", 9, Reverse.automatic())
                .changeSet("other.xml", "1", 3, Reverse.automatic())
                .add(b.changeSetOf("c.xml", "2", 20, Reverse.automatic(), Set.of("mysql")))
                .add(b.changeSetOf("c.xml", "2", 30, Reverse.automatic(), Set.of("postgresql")));
        List<Finding> f = b.lint(rule);
        assertEquals(2, f.size());
        assertEquals(Path.of("c.xml"), f.get(0).span().file());
        assertTrue(f.get(0).message().contains("changeSet 1::ana"), f.get(0).message());
    }
}
