package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations grouped back into the statements they came from: the clauses of one ALTER TABLE (which
 * have spans of their own but one {@link SourceSpan#statementStart()}), or the operations of one
 * Liquibase change (which share its span), are one statement to the database.
 */
public final class Statements {
    private Statements() {
    }

    /** The statements of a migration in order, each as its operations. */
    public static List<List<Operation>> of(List<Operation> operations) {
        Map<String, List<Operation>> byStart = new LinkedHashMap<>();
        for (Operation op : operations) {
            byStart.computeIfAbsent(key(op.span()), k -> new ArrayList<>()).add(op);
        }
        return new ArrayList<>(byStart.values());
    }

    /** The operations in {@code operations} that belong to the same statement as {@code op} (itself included). */
    public static List<Operation> siblings(Operation op, List<Operation> operations) {
        String key = key(op.span());
        return operations.stream().filter(o -> key(o.span()).equals(key)).toList();
    }

    private static String key(SourceSpan s) {
        if (s.hasOffsets() && s.statementStart() >= 0) {
            return s.file() + "@" + s.statementStart();
        }
        return s.file() + ":" + s.startLine() + ":" + s.startColumn() + ":" + s.startOffset();
    }
}
