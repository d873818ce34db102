package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.TableName;

import java.util.Map;
import java.util.Set;

/**
 * Names the object a CREATE / ALTER / DROP statement is about ({@code FUNCTION}, {@code MATERIALIZED VIEW},
 * {@code EVENT TRIGGER}...), skipping the modifiers in front of it (OR REPLACE, TEMPORARY, UNIQUE,
 * MySQL's DEFINER=...), and finds the table such a statement touches when it says so.
 */
final class ObjectKinds {
    private static final Set<String> OBJECTS = Set.of("TABLE", "INDEX", "VIEW", "FUNCTION", "PROCEDURE", "TRIGGER",
            "TYPE", "EXTENSION", "SCHEMA", "SEQUENCE", "DATABASE", "DOMAIN", "ROLE", "USER", "GROUP", "POLICY",
            "PUBLICATION", "SUBSCRIPTION", "EVENT", "AGGREGATE", "OPERATOR", "CAST", "COLLATION", "RULE", "SERVER",
            "TABLESPACE", "LANGUAGE", "CONVERSION", "STATISTICS", "TRANSFORM", "SYNONYM", "PACKAGE", "OWNED",
            "ROUTINE", "LOGFILE", "MATERIALIZED", "FOREIGN", "TEXT", "ACCESS", "DEFAULT", "LARGE", "SYSTEM",
            "ALIAS", "CONSTANT"); // H2's CREATE ALIAS f FOR "java.Method" and CREATE CONSTANT
    /** Kinds spelled with more than one word: the words that may follow the first. */
    private static final Map<String, Set<String>> FOLLOWERS = Map.of(
            "MATERIALIZED", Set.of("VIEW"),
            "FOREIGN", Set.of("TABLE", "DATA", "WRAPPER"),
            "TEXT", Set.of("SEARCH", "CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"),
            "ACCESS", Set.of("METHOD"),
            "DEFAULT", Set.of("PRIVILEGES"),
            "EVENT", Set.of("TRIGGER"),
            "USER", Set.of("MAPPING"),
            "OPERATOR", Set.of("CLASS", "FAMILY"),
            "LARGE", Set.of("OBJECT"));
    private static final int MAX_MODIFIER_TOKENS = 12;

    private ObjectKinds() {
    }

    /**
     * Reads up to and including the object kind; the cursor is left on what follows it. Null when no
     * known kind shows up among the first tokens.
     */
    static String kind(TokenCursor c) {
        for (int i = 0; i < MAX_MODIFIER_TOKENS && !c.atEnd(); i++) {
            Token t = c.advance();
            if (t.kind() == Token.Kind.WORD && OBJECTS.contains(t.upper())) {
                StringBuilder kind = new StringBuilder(t.upper());
                Set<String> followers = FOLLOWERS.getOrDefault(t.upper(), Set.of());
                while (!c.atEnd() && c.peek().kind() == Token.Kind.WORD && followers.contains(c.peek().upper())) {
                    kind.append(' ').append(c.advance().upper());
                }
                return kind.toString();
            }
        }
        return null;
    }

    /** For triggers, policies and rules: the table named after ON (or ON event TO for a rule). */
    static TableName targetTable(TokenCursor c, String kind) {
        if (!Set.of("TRIGGER", "POLICY", "RULE").contains(kind)) {
            return null;
        }
        int start = c.index();
        try {
            while (!c.atEnd() && !c.isWord("ON")) {
                c.skipItem();
            }
            if (c.accept("ON")) {
                if (kind.equals("RULE")) {
                    c.next();
                    c.expect("TO");
                }
                c.accept("TABLE");
                c.accept("ONLY");
                return TableName.parse(c.qualifiedName());
            }
            return null;
        } catch (ReadException e) {
            return null;
        } finally {
            c.reset(start);
        }
    }

    /**
     * For a view or sequence: its name without schema (normalized), read from just after the kind; null for
     * other kinds or when it cannot be read. The cursor is left where it was.
     */
    static String objectName(TokenCursor c, String kind) {
        if (!Set.of("VIEW", "MATERIALIZED VIEW", "SEQUENCE").contains(kind)) {
            return null;
        }
        int start = c.index();
        try {
            if (!c.accept("IF", "NOT", "EXISTS")) {
                c.accept("IF", "EXISTS");
            }
            return TableName.parse(c.qualifiedName()).name();
        } catch (ReadException | RuntimeException e) {
            return null;
        } finally {
            c.reset(start);
        }
    }

    /** For COMMENT ON TABLE t / COLUMN t.c: the table; from just after COMMENT ON. */
    static TableName commentTable(TokenCursor c) throws ReadException {
        try {
            if (c.accept("TABLE")) {
                return TableName.parse(c.qualifiedName());
            }
            if (c.accept("COLUMN")) {
                String name = c.qualifiedName();
                int dot = name.lastIndexOf('.');
                return dot > 0 ? TableName.parse(name.substring(0, dot)) : null;
            }
            return null;
        } finally {
            c.skipRest();
        }
    }
}
