package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Operation.DomainAction;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements about objects that hold or shape tables without being one: ALTER DOMAIN, DROP SCHEMA / DATABASE,
 * ALTER SCHEMA ... RENAME, REFRESH MATERIALIZED VIEW. Each of them reaches every table it contains or that
 * uses it, so the rules need their details.
 */
final class SchemaObjectReader {
    private final SourceSpan span;

    SchemaObjectReader(SourceSpan span) {
        this.span = span;
    }

    /** From just after {@code ALTER DOMAIN}. */
    Operation alterDomain(TokenCursor c) throws ReadException {
        String domain = c.qualifiedName();
        DomainAction action = DomainAction.OTHER;
        boolean notValid = false;
        if (c.accept("ADD")) {
            action = DomainAction.ADD_CONSTRAINT;
            while (!c.atEnd()) {
                if (c.accept("NOT", "VALID")) {
                    notValid = true;
                } else {
                    c.skipItem();
                }
            }
        } else if (c.accept("SET", "NOT", "NULL")) {
            action = DomainAction.SET_NOT_NULL;
        } else if (c.accept("VALIDATE", "CONSTRAINT")) {
            action = DomainAction.VALIDATE_CONSTRAINT;
            c.identifier();
        } else if (c.atEnd()) {
            throw new ReadException("ALTER DOMAIN without an action");
        }
        c.skipRest();
        return new Operation.AlterDomain(span, domain, action, notValid);
    }

    /** From just after {@code DROP SCHEMA} or {@code DROP DATABASE}. */
    Operation dropSchema(TokenCursor c, boolean database) throws ReadException {
        boolean ifExists = c.accept("IF", "EXISTS");
        List<String> names = new ArrayList<>();
        do {
            names.add(Identifiers.normalize(c.identifier()));
        } while (c.acceptSymbol(","));
        boolean cascade = c.accept("CASCADE");
        c.accept("RESTRICT");
        if (c.isSymbol("(") || c.isWord("WITH")) {
            c.skipRest(); // DROP DATABASE d WITH (FORCE)
        }
        c.expectEnd();
        return new Operation.DropSchema(span, names, database, ifExists, cascade);
    }

    /** From just after {@code ALTER SCHEMA}. */
    Operation renameSchema(TokenCursor c) throws ReadException {
        String from = Identifiers.normalize(c.identifier());
        c.expect("RENAME", "TO");
        String to = Identifiers.normalize(c.identifier());
        c.expectEnd();
        return new Operation.RenameSchema(span, from, to);
    }

    /** From just after {@code REFRESH}: {@code MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
    Operation refresh(TokenCursor c) throws ReadException {
        if (!c.accept("MATERIALIZED", "VIEW")) {
            c.skipRest();
            return new Operation.Other(span, "REFRESH", false, null);
        }
        boolean concurrently = c.accept("CONCURRENTLY");
        TableName view = TableName.parse(c.qualifiedName());
        c.skipRest();
        return new Operation.Other(span, "REFRESH MATERIALIZED VIEW" + (concurrently ? " CONCURRENTLY" : ""), false,
                view);
    }
}
