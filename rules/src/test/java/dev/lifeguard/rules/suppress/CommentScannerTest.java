package dev.lifeguard.rules.suppress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommentScannerTest {

    private static List<String> bodies(String text, CommentSyntax syntax) {
        return CommentScanner.scan(text, syntax).stream().map(c -> c.body().strip()).toList();
    }

    @Test
    void sqlLineAndBlockComments() {
        assertEquals(List.of("a", "b", "c /* nested */ d"),
                bodies("-- a\nSELECT 1; /* b */\n/* c /* nested */ d */ SELECT 2;", CommentSyntax.SQL));
    }

    @Test
    void dashesInsideLiteralsAndQuotedNamesAreNotComments() {
        String sql = "INSERT INTO t VALUES ('-- lifeguard:ignore x', 'it''s -- still', E'\\' -- esc');\n"
                + "SELECT \"col--name\", `x--y` FROM t; -- real\n"
                + "CREATE FUNCTION f() RETURNS int AS $body$ -- inside $body$ LANGUAGE sql; SELECT $1 -- after param\n"
                + "DO $$ /* inside */ $$;";
        assertEquals(List.of("real", "after param"), bodies(sql, CommentSyntax.SQL));
    }

    @Test
    void xmlCommentsAndSqlCommentsInElementText() {
        String xml = "<?xml version=\"1.0\"?>\n<!-- top -->\n<changeSet id=\"a--b\">\n"
                + "<sql>-- in sql\nSELECT '-- no';</sql>\n<sql><![CDATA[ /* in cdata */ SELECT 1 ]]></sql>\n</changeSet>";
        assertEquals(List.of("top", "in sql", "in cdata"), bodies(xml, CommentSyntax.XML));
    }

    @Test
    void yamlHashOutsideQuotes() {
        String yaml = "# top\n- changeSet:\n    id: 'a # b'\n    author: \"x#y\" # trailing\n    sql: a#b\n";
        assertEquals(List.of("top", "trailing"), bodies(yaml, CommentSyntax.YAML));
    }

    @Test
    void jsonHasNoComments() {
        assertEquals(List.of(), bodies("{\"a\": \"-- b\"} # c", CommentSyntax.NONE));
    }
}
