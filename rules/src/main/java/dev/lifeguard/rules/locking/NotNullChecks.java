package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a validated {@code CHECK (col IS NOT NULL)} earlier in the history: with one in place,
 * PostgreSQL 12+ sets NOT NULL without scanning, which is the safe recipe's last step.
 */
final class NotNullChecks {
    private static final Pattern IS_NOT_NULL = Pattern.compile(
            "^\\(*\\s*(\"[^\"]+\"|[\\w$]+)\\s+is\\s+not\\s+null\\s*\\)*$", Pattern.CASE_INSENSITIVE);

    private NotNullChecks() {
    }

    static boolean provenBefore(OperationContext ctx, TableName table, String column) {
        Map<String, Boolean> validByName = new HashMap<>();
        for (Migration m : ctx.history().migrations()) {
            if (m == ctx.migration()) {
                break;
            }
            if (m.appliesTo(ctx.dialect())) {
                scan(m.operations(), table, column, validByName);
            }
        }
        scan(ctx.earlierOperations(), table, column, validByName);
        return validByName.containsValue(Boolean.TRUE);
    }

    private static void scan(List<Operation> ops, TableName table, String column, Map<String, Boolean> validByName) {
        for (Operation op : ops) {
            if (op instanceof Operation.AddConstraint add && add.table().matches(table)
                    && add.constraint().kind() == ConstraintDef.Kind.CHECK
                    && checksNotNull(add.constraint().checkExpression(), column)) {
                String name = add.constraint().name() == null ? "#" + validByName.size() : add.constraint().name();
                validByName.put(name, !add.constraint().notValid());
            } else if (op instanceof Operation.ValidateConstraint v && v.table().matches(table)
                    && validByName.containsKey(v.name())) {
                validByName.put(v.name(), true);
            } else if (op instanceof Operation.DropConstraint d && d.table().matches(table)) {
                validByName.remove(d.name());
            }
        }
    }

    static boolean checksNotNull(String expression, String column) {
        if (expression == null) {
            return false;
        }
        Matcher m = IS_NOT_NULL.matcher(expression.trim());
        return m.matches() && Identifiers.normalize(m.group(1)).equals(column);
    }
}
