package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain data changes read without JSqlParser ({@link DataChangeReader#readPlain}) come out exactly as reading
 * them with JSqlParser does (or, where JSqlParser cannot read them, as the lenient fallback does).
 */
class DataChangeReaderTest {
    private static final SourceFile FILE = new SourceFile(Path.of("V1__x.sql"), "");

    @Test
    void plainShapesAreReadAsJSqlParserReadsThem() {
        List<String> plain = List.of(
                "DELETE FROM users",
                "DELETE FROM users WHERE id = 1",
                "delete from app.users as u using other o where o.id = u.id",
                "DELETE FROM users u WHERE u.id = 1 RETURNING *",
                "INSERT INTO users (id, name) VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO users SELECT * FROM old WHERE x",
                "INSERT INTO users DEFAULT VALUES",
                "INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 2 WHERE users.id > 0",
                "INSERT INTO s.t (a) SELECT g FROM generate_series(1, 10) AS g");
        for (String sql : plain) {
            Operation fast = readPlain(sql, Dialect.POSTGRESQL);
            assertNotNull(fast, sql);
            assertEquals(viaJSqlParser(sql, Dialect.POSTGRESQL), fast, sql);
        }
    }

    @Test
    void otherShapesAreLeftToJSqlParser() {
        List<String> others = List.of(
                // an UPDATE's assignments are JSqlParser's
                "UPDATE users SET name = 'x'",
                "UPDATE users SET name = 'x' WHERE id = 1",
                "UPDATE \"Users\" AS u SET \"Name\" = 'x' FROM other o WHERE o.id = u.id RETURNING u.id",
                "UPDATE LOW_PRIORITY users SET a = 1",
                "UPDATE ONLY users SET a = 1",
                "UPDATE t1, t2 SET t1.a = t2.a",
                "UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = 1",
                "UPDATE TOP (10) users SET a = 1",
                "UPDATE users WITH (ROWLOCK) SET a = 1",
                "UPDATE OR REPLACE users SET a = 1",
                "DELETE users WHERE id = 1",
                "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id",
                "DELETE FROM t1, t2 USING t1 JOIN t2",
                "DELETE FROM ONLY users",
                "DELETE FROM users ORDER BY id LIMIT 10",
                "INSERT IGNORE INTO users VALUES (1)",
                "INSERT ALL INTO a VALUES (1) INTO b VALUES (2) SELECT * FROM dual",
                "INSERT INTO users",
                "REPLACE INTO users VALUES (1)",
                "WITH x AS (SELECT 1) UPDATE users SET a = 1",
                "SELECT 1");
        for (String sql : others) {
            assertNull(readPlain(sql, Dialect.MYSQL), sql);
        }
    }

    /** Every data change of the shared corpus and of the rule fixtures that the plain reader takes. */
    @Test
    void everyPlainDataChangeOfTheCorpusComesOutAsWithJSqlParser() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(dev.lifeguard.analyzer.SharedFiles.require("corpus")));
        Path fixtures = Path.of("../test-fixtures/src/test/resources");
        if (Files.isDirectory(fixtures)) {
            roots.add(fixtures);
        }
        int compared = 0;
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            }
            for (Path path : files) {
                Dialect dialect = SqlCorpusTest.dialectOf(path);
                String text = Files.readString(path, StandardCharsets.UTF_8);
                for (Chunk chunk : new StatementSplitter(dialect).split(text, 0, text.length())) {
                    String sql = chunk.text(text);
                    Operation fast = readPlain(sql, dialect);
                    if (fast != null) {
                        assertEquals(viaJSqlParser(sql, dialect), fast, () -> path + ": " + sql);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 50, "only " + compared + " data changes compared"); // 86 DELETE and INSERT today
    }

    private static Operation readPlain(String sql, Dialect dialect) {
        List<Token> tokens = Lexer.tokens(sql, dialect, 0, sql.length());
        return DataChangeReader.readPlain(new TokenCursor(sql, tokens), span(sql));
    }

    /** What SqlParser made of a data change before the plain reader: JSqlParser, else the lenient reader. */
    private static Operation viaJSqlParser(String sql, Dialect dialect) {
        try {
            return new JSqlTranslator(dialect, 10_000).read(sql, span(sql)).get(0);
        } catch (ReadException e) {
            List<Token> tokens = Lexer.tokens(sql, dialect, 0, sql.length());
            return DataChangeReader.read(new TokenCursor(sql, tokens), span(sql));
        }
    }

    private static SourceSpan span(String sql) {
        return new SourceFile(FILE.path(), sql).span(0, sql.length());
    }
}
