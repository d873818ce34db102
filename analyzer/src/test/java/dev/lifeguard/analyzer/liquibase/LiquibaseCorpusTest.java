package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real-world corpora: fineract (XML, multi-module, classpath includes, properties) and keel (YAML).
 * Asserts the shape (root histories, no problems) and the hand-checked lines of EXPECTATIONS.tsv.
 */
class LiquibaseCorpusTest {

    private static LiquibaseLoader.Result load(String corpus, Dialect dialect) {
        Path root = dev.lifeguard.analyzer.SharedFiles.require("corpus/" + corpus);
        long start = System.nanoTime();
        LiquibaseLoader.Result r = LoadFixtures.load(root, dialect);
        System.out.printf("%s: %d histories, %d migrations, %d files, %d problems, %d ms%n", corpus, r.histories().size(),
                r.histories().stream().mapToInt(h -> h.migrations().size()).sum(), r.sources().size(), r.problems().size(),
                (System.nanoTime() - start) / 1_000_000);
        r.problems().forEach(p -> System.out.println("  " + p.span() + " " + p.message()));
        return r;
    }

    /** The changeSet of a file whose span holds the line. */
    private static Migration at(LiquibaseLoader.Result r, String file, int line) {
        return r.histories().stream().flatMap(h -> h.migrations().stream())
                .filter(m -> m.file().equals(Path.of(file)) && m.span().startLine() <= line && line <= m.span().endLine())
                .findFirst().orElseThrow(() -> new AssertionError("no changeSet at " + file + ":" + line));
    }

    private static Operation opAt(Migration m, int line) {
        Optional<Operation> op = m.operations().stream().filter(o -> o.span().startLine() == line).findFirst();
        return op.orElseThrow(() -> new AssertionError("no change starts at line " + line + " in " + m.id()));
    }

    @Test
    void fineract() {
        var r = load("fineract", Dialect.POSTGRESQL);
        // db.changelog-master.xml, six empty module masters, three legacy upgrade changelogs nothing includes
        assertEquals(10, r.histories().size());
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.histories().stream().filter(h -> h.location().endsWith("db.changelog-master.xml")).count());
        String parts = "fineract-provider/src/main/resources/db/changelog/tenant/parts/";
        assertInstanceOf(Operation.RenameColumn.class, opAt(at(r, parts + "0004_camelcase_column_renaming.xml", 26), 26));
        var add = assertInstanceOf(Operation.AddColumn.class,
                opAt(at(r, "fineract-provider/src/main/resources/db/changelog/tenant/upgrades/0000_upgrade_to_1.6.xml", 292), 292));
        assertTrue(add.column().isNotNull() && !add.column().hasDefault());
        String loan = "fineract-loan/src/main/resources/db/changelog/tenant/module/loan/parts/";
        Migration dropCol = at(r, loan + "1015_remove_disable_schedule_extension_column.xml", 33);
        assertInstanceOf(Operation.DropColumn.class, opAt(dropCol, 33));
        assertEquals(Reverse.Kind.NONE, dropCol.reverse().kind());
        String investor = "fineract-investor/src/main/resources/db/changelog/tenant/module/investor/parts/";
        Migration precision = at(r, investor + "0011_set_datetime_precision.xml", 26);
        assertInstanceOf(Operation.AlterColumnType.class, opAt(precision, 26));
        assertEquals(Reverse.Kind.NONE, precision.reverse().kind());
        Migration binary = at(r, parts + "0045_external_event_table_data_binary.xml", 25);
        assertEquals(25, binary.span().startLine());
        assertEquals(Reverse.Kind.NONE, binary.reverse().kind());
        assertInstanceOf(Operation.SetNotNull.class, opAt(at(r, investor + "0006_asset_schemas.xml", 37), 37));
        Migration history = at(r, loan + "1021_add_loan_status_change_history.xml", 58);
        assertInstanceOf(Operation.AddColumn.class, opAt(history, 58));
        Migration index = at(r, loan + "1021_add_loan_status_change_history.xml", 79);
        assertInstanceOf(Operation.CreateIndex.class, opAt(index, 79));
        assertEquals(Reverse.Kind.AUTOMATIC, index.reverse().kind());
    }

    @Test
    void keel() {
        var r = load("keel", Dialect.MYSQL);
        assertEquals(1, r.histories().size());
        assertEquals(Path.of("keel-sql/src/main/resources/db/changelog-master.yml"), r.histories().get(0).location());
        assertEquals(List.of(), r.problems());
        String dir = "keel-sql/src/main/resources/db/changelog/";
        Migration drop = at(r, dir + "20210302-drop-old-event-columns.yml", 6);
        assertInstanceOf(Operation.DropColumn.class, opAt(drop, 6));
        assertEquals(Reverse.Kind.NONE, drop.reverse().kind());
        Migration uid = at(r, dir + "20191108-environment-artifact-constraint.yml", 99);
        assertEquals(99, uid.span().startLine());
        assertEquals(Reverse.Kind.NONE, uid.reverse().kind());
        Migration current = at(r, dir + "20191108-environment-artifact-constraint.yml", 160);
        assertInstanceOf(Operation.CreateTable.class, opAt(current, 133));
        assertInstanceOf(Operation.CreateIndex.class, opAt(current, 160));
        assertEquals(Reverse.Kind.AUTOMATIC, current.reverse().kind());
        Migration checked = at(r, dir + "20200325-create-artifact-last-checked-table.yml", 34);
        assertInstanceOf(Operation.CreateIndex.class, opAt(checked, 34));
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, checked.reverse().kind());
    }
}
