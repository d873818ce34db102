package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementSplitterTest {

    private static List<String> split(Dialect dialect, String sql) {
        return new StatementSplitter(dialect).split(sql).stream().map(c -> c.text(sql)).toList();
    }

    @Test
    void splitsAtSemicolonsAndDropsEmptyStatements() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), split(Dialect.POSTGRESQL, "SELECT 1;;\n ; SELECT 2;\n"));
    }

    @Test
    void ignoresSemicolonsInStringsIdentifiersAndComments() {
        String sql = "INSERT INTO t VALUES ('a;''b');\n"
                + "SELECT \"x;y\" FROM t -- c;\n;\n"
                + "/* a; /* nested; */ still; */ SELECT 3;";
        assertEquals(List.of("INSERT INTO t VALUES ('a;''b')", "SELECT \"x;y\" FROM t", "SELECT 3"),
                split(Dialect.POSTGRESQL, sql));
    }

    @Test
    void postgresEscapeStringsAndDollarQuotes() {
        String sql = "SELECT E'it\\'s;';\nCREATE FUNCTION f() RETURNS int AS $body$ BEGIN; RETURN 1; END $body$ LANGUAGE plpgsql;\n"
                + "DO $$ BEGIN PERFORM 1; END $$;\nSELECT $1;";
        List<String> parts = split(Dialect.POSTGRESQL, sql);
        assertEquals(4, parts.size(), parts.toString());
        assertEquals("DO $$ BEGIN PERFORM 1; END $$", parts.get(2));
    }

    @Test
    void mysqlBackticksHashCommentsAndBackslashEscapes() {
        String sql = "SELECT `a;b` FROM t; # note; here\nINSERT INTO t VALUES ('x\\';y', \"q;\");";
        assertEquals(List.of("SELECT `a;b` FROM t", "INSERT INTO t VALUES ('x\\';y', \"q;\")"),
                split(Dialect.MYSQL, sql));
    }

    @Test
    void mysqlTriggerBodyWithoutDelimiter() {
        String sql = "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN\n"
                + "  IF NEW.a IS NULL THEN SET NEW.a = 1; END IF;\n"
                + "  SET NEW.b = CASE WHEN NEW.c THEN 1 ELSE 2 END;\n"
                + "END;\nSELECT 1;";
        List<String> parts = split(Dialect.MYSQL, sql);
        assertEquals(2, parts.size(), parts.toString());
        assertEquals("SELECT 1", parts.get(1));
    }

    @Test
    void mysqlDelimiterDirectiveIsNotAStatement() {
        String sql = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //\nDELIMITER ;\nSELECT 3;";
        assertEquals(List.of("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "SELECT 3"),
                split(Dialect.MYSQL, sql));
    }

    @Test
    void postgresBeginAtomicBody() {
        String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nBEGIN;\nCOMMIT;";
        List<String> parts = split(Dialect.POSTGRESQL, sql);
        assertEquals(3, parts.size(), parts.toString());
        assertEquals("BEGIN", parts.get(1));
    }

    @Test
    void sqlServerBracketsAndGoLines() {
        String sql = "SELECT [a;b] FROM t\nGO\nSELECT 2\n  go  \nSELECT 3";
        assertEquals(List.of("SELECT [a;b] FROM t", "SELECT 2", "SELECT 3"), split(Dialect.SQLSERVER, sql));
    }

    @Test
    void unterminatedStringOrCommentRunsToTheEnd() {
        assertEquals(List.of("SELECT 1", "SELECT 'oops; SELECT 2;"),
                split(Dialect.POSTGRESQL, "SELECT 1; SELECT 'oops; SELECT 2;"));
        assertEquals(List.of("SELECT 1"), split(Dialect.POSTGRESQL, "SELECT 1 /* never closed; SELECT 2;"));
    }

    @Test
    void spansStartAtTheFirstTokenAndKeepTheCommentRange() {
        String sql = "-- lifeguard:ignore drop-column reason\r\nALTER TABLE t\r\n  DROP COLUMN c ;\r\n";
        Chunk chunk = new StatementSplitter(Dialect.POSTGRESQL).split(sql).get(0);
        assertEquals(0, chunk.commentStart());
        SourceSpan span = new SourceFile(Path.of("V1__x.sql"), sql).span(chunk.statementStart(), chunk.statementEnd());
        assertEquals(2, span.startLine());
        assertEquals(1, span.startColumn());
        assertEquals(3, span.endLine());
        assertEquals(16, span.endColumn());
        assertEquals("ALTER TABLE t\r\n  DROP COLUMN c", chunk.text(sql));
    }

    @Test
    void splitsOnlyTheGivenRange() {
        String sql = "SELECT 0;\nSELECT 1; SELECT 2;\nSELECT 3;";
        int start = sql.indexOf("SELECT 1");
        List<Chunk> chunks = new StatementSplitter(Dialect.POSTGRESQL).split(sql, start, sql.indexOf("SELECT 3"));
        assertEquals(2, chunks.size());
        assertEquals(start, chunks.get(0).statementStart());
    }
}
