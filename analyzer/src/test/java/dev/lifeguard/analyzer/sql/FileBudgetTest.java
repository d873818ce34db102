package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 7. The time bound is per file, not only per statement: once a file's budget is spent, the statements left are
 * one note over all of them (never thirty times the statement bound, never silently dropped).
 */
class FileBudgetTest {
    private static final String STATEMENTS = "SELECT " + "(".repeat(40) + "1" + ")".repeat(40) + " FROM t;\n";

    @Test
    void statementsPastTheBudgetAreOneNoteOverAllOfThem() {
        SourceFile file = new SourceFile(Path.of("V1__slow.sql"), STATEMENTS.repeat(30));
        List<Operation> ops = new SqlParser(Dialect.POSTGRESQL, 0).parse(file);
        assertEquals(1, ops.size(), ops.toString());
        Operation.Unparsed note = assertInstanceOf(Operation.Unparsed.class, ops.get(0));
        assertTrue(note.reason().contains("time limit for one file (10 s) ran out before this statement and the 29 after it"),
                note.reason());
        assertEquals(1, note.span().startLine());
        assertEquals(30, note.span().endLine());
    }

    @Test
    void theBudgetIsSharedByThePiecesOfOneFile() {
        SourceFile file = new SourceFile(Path.of("changelog.xml"), STATEMENTS.repeat(2));
        SqlParser parser = new SqlParser(Dialect.POSTGRESQL, 60_000);
        assertEquals(1, parser.parse(file, 0, STATEMENTS.length()).size());
        SqlParser spent = new SqlParser(Dialect.POSTGRESQL, 0);
        spent.parse(file, 0, STATEMENTS.length());
        assertInstanceOf(Operation.Unparsed.class, spent.parse(file, STATEMENTS.length(), 2 * STATEMENTS.length()).get(0));
    }

    /** The budget is time spent on the file, not time since it was first read: a long-lived parser reads it again. */
    @Test
    void theBudgetCountsTimeSpentOnTheFileNotTimeSinceItWasFirstRead() throws InterruptedException {
        SourceFile file = new SourceFile(Path.of("case.sql"), "CREATE INDEX i ON t (a);\n");
        SqlParser parser = new SqlParser(Dialect.POSTGRESQL, 1_500);
        assertInstanceOf(Operation.CreateIndex.class, parser.parse(file).get(0));
        Thread.sleep(1_600);
        assertInstanceOf(Operation.CreateIndex.class, parser.parse(file).get(0));
    }
}
