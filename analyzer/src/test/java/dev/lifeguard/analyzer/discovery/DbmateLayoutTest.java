package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Reverse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.analyzer.discovery.LayoutTesting.ids;
import static dev.lifeguard.analyzer.discovery.LayoutTesting.only;
import static dev.lifeguard.analyzer.discovery.LayoutTesting.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbmateLayoutTest {
    private static final String FILE = "-- migrate:up\nCREATE TABLE t (id int);\n\n-- migrate:down\nDROP TABLE t;\n";

    @Test
    void upSectionIsTheMigrationAndDownSectionItsReverse() {
        InMemoryFiles files = new InMemoryFiles().add("db/20220101_create_t.sql", FILE);
        PlannedHistory history = only(plan(files));
        assertEquals(Framework.DBMATE, history.framework());
        PlannedMigration m = history.migrations().get(0);
        assertEquals("20220101", m.id());
        assertEquals("create_t", m.description());
        assertEquals("CREATE TABLE t (id int);\n\n", FILE.substring(m.region().start(), m.region().end()));
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, m.reverse().kind());
        assertEquals("DROP TABLE t;\n", FILE.substring(m.reverse().region().start(), m.reverse().region().end()));
        assertEquals(TransactionMode.TRANSACTION, m.transaction());
    }

    @Test
    void transactionFalseOnTheUpLine() {
        InMemoryFiles files = new InMemoryFiles().add("db/2_idx.sql",
                "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:down\n");
        assertEquals(TransactionMode.NO_TRANSACTION, only(plan(files)).migrations().get(0).transaction());
    }

    @Test
    void noDownSectionMeansNoReverse() {
        String text = "-- migrate:up\nSELECT 1;\n";
        PlannedMigration m = only(plan(new InMemoryFiles().add("db/1_a.sql", text))).migrations().get(0);
        assertEquals(Reverse.Kind.NONE, m.reverse().kind());
        assertEquals("SELECT 1;\n", text.substring(m.region().start(), m.region().endIn(text)));
    }

    @Test
    void orderedByVersionAndFilesWithoutSectionsAreProblems() {
        InMemoryFiles files = new InMemoryFiles().add("db/10_b.sql", FILE).add("db/9_a.sql", FILE)
                .add("db/11_c.sql", FILE).add("db/12_notes.sql", "SELECT 1;\n");
        LayoutDetector.Plan plan = plan(files);
        assertEquals(List.of("9", "10", "11"), ids(only(plan)));
        assertEquals(1, plan.problems().size());
        assertTrue(plan.problems().get(0).message().contains("migrate:up"));
    }
}
