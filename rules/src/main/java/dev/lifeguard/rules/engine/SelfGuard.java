package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.Precondition.Check;
import dev.lifeguard.analyzer.model.TableName;

import java.util.List;
import java.util.Locale;

/**
 * Whether a precondition checks an object the changeSet itself creates: {@code <not><indexExists
 * indexName="x"/></not>} before {@code <createIndex indexName="x">}, the usual guard against running a
 * change twice.
 */
final class SelfGuard {
    private SelfGuard() {
    }

    static boolean creates(Migration m, Check c) {
        for (Operation op : m.operations()) {
            if (creates(op, c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean creates(Operation op, Check c) {
        if (c instanceof Precondition.TableExists t) {
            return op instanceof Operation.CreateTable ct && same(ct.table(), t.table());
        }
        if (c instanceof Precondition.ColumnExists col) {
            if (op instanceof Operation.AddColumn a) {
                return same(a.table(), col.table()) && a.column().name().equalsIgnoreCase(col.column());
            }
            return op instanceof Operation.CreateTable ct && same(ct.table(), col.table())
                    && ct.columns().stream().map(ColumnDef::name).anyMatch(n -> n.equalsIgnoreCase(col.column()));
        }
        if (c instanceof Precondition.IndexExists i && op instanceof Operation.CreateIndex ci) {
            if (i.name() != null) {
                return ci.name() != null && ci.name().equalsIgnoreCase(i.name());
            }
            return i.table() != null && ci.table() != null && same(ci.table(), i.table())
                    && lower(ci.columns()).equals(lower(i.columns()));
        }
        if (c instanceof Precondition.ForeignKeyExists f) {
            return named(op, f.name(), ConstraintDef.Kind.FOREIGN_KEY);
        }
        if (c instanceof Precondition.PrimaryKeyExists p) {
            return op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY
                    && (p.table() == null || same(a.table(), p.table()));
        }
        if (c instanceof Precondition.ViewExists v) {
            return op instanceof Operation.Other o && o.name() != null && o.name().equalsIgnoreCase(v.name())
                    && o.kind().startsWith("CREATE") && o.kind().endsWith("VIEW");
        }
        if (c instanceof Precondition.SequenceExists s) {
            return op instanceof Operation.Other o && o.name() != null && o.name().equalsIgnoreCase(s.name())
                    && o.kind().equals("CREATE SEQUENCE");
        }
        return false;
    }

    private static boolean named(Operation op, String name, ConstraintDef.Kind kind) {
        if (name == null) {
            return false;
        }
        if (op instanceof Operation.AddConstraint a) {
            return a.constraint().kind() == kind && name.equalsIgnoreCase(a.constraint().name());
        }
        return op instanceof Operation.CreateTable ct && ct.constraints().stream()
                .anyMatch(k -> k.kind() == kind && name.equalsIgnoreCase(k.name()));
    }

    private static boolean same(TableName a, TableName b) {
        return a.name().equalsIgnoreCase(b.name());
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
