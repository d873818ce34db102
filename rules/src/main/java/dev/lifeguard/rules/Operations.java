package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What kind of statement an operation is, as several rules need to know it the same way. */
public final class Operations {
    private static final Set<Class<? extends Operation>> SCHEMA_CHANGES = Set.of(
            Operation.CreateTable.class, Operation.DropTable.class, Operation.RenameTable.class,
            Operation.AddColumn.class, Operation.DropColumn.class, Operation.RenameColumn.class,
            Operation.AlterColumnType.class, Operation.SetNotNull.class, Operation.DropNotNull.class,
            Operation.SetDefault.class, Operation.DropDefault.class, Operation.AddConstraint.class,
            Operation.ValidateConstraint.class, Operation.DropConstraint.class, Operation.CreateIndex.class,
            Operation.DropIndex.class, Operation.OnlineDdlOptions.class, Operation.SetLogged.class,
            Operation.Truncate.class, Operation.AttachPartition.class, Operation.DetachPartition.class);

    private Operations() {
    }

    /**
     * Whether the operation changes the schema (DDL). TRUNCATE counts: MySQL and Oracle treat it as DDL and
     * commit around it. Settings, transaction control, data changes and maintenance do not.
     */
    public static boolean isSchemaChange(Operation op) {
        if (op instanceof Operation.Other o) {
            return o.ddl();
        }
        return SCHEMA_CHANGES.contains(op.getClass());
    }

    /** The tables an operation acts on, as far as the operation itself names them (empty when unknown). */
    public static List<TableName> tables(Operation op) {
        List<TableName> out = new ArrayList<>();
        if (op instanceof Operation.DropTable d) {
            out.addAll(d.tables());
        } else if (op instanceof Operation.Truncate t) {
            out.addAll(t.tables());
        } else if (op instanceof Operation.LockTable l) {
            out.addAll(l.tables());
        } else {
            TableName one = single(op);
            if (one != null) {
                out.add(one);
            }
        }
        return out;
    }

    /**
     * Names of the tables the given operations create (following renames): a rule that looks at a whole
     * migration after it ran needs them, because a table created and dropped in the same migration is gone
     * from the schema by then and would otherwise look like an existing one.
     */
    public static Set<String> createdTables(List<Operation> operations) {
        Set<String> created = new java.util.HashSet<>();
        for (Operation op : operations) {
            if (op instanceof Operation.CreateTable c) {
                created.add(c.table().name());
            } else if (op instanceof Operation.RenameTable r && created.contains(r.from().name())) {
                created.add(r.to().name());
            }
        }
        return created;
    }

    private static TableName single(Operation op) {
        if (op instanceof Operation.CreateTable c) {
            return c.table();
        } else if (op instanceof Operation.RenameTable r) {
            return r.from();
        } else if (op instanceof Operation.AddColumn a) {
            return a.table();
        } else if (op instanceof Operation.DropColumn d) {
            return d.table();
        } else if (op instanceof Operation.RenameColumn r) {
            return r.table();
        } else if (op instanceof Operation.AlterColumnType a) {
            return a.table();
        } else if (op instanceof Operation.SetNotNull s) {
            return s.table();
        } else if (op instanceof Operation.DropNotNull d) {
            return d.table();
        } else if (op instanceof Operation.SetDefault s) {
            return s.table();
        } else if (op instanceof Operation.DropDefault d) {
            return d.table();
        } else if (op instanceof Operation.AddConstraint a) {
            return a.table();
        } else if (op instanceof Operation.ValidateConstraint v) {
            return v.table();
        } else if (op instanceof Operation.DropConstraint d) {
            return d.table();
        } else if (op instanceof Operation.CreateIndex c) {
            return c.table();
        } else if (op instanceof Operation.DropIndex d) {
            return d.table();
        } else if (op instanceof Operation.OnlineDdlOptions o) {
            return o.table();
        } else if (op instanceof Operation.SetLogged s) {
            return s.table();
        } else if (op instanceof Operation.Vacuum v) {
            return v.table();
        } else if (op instanceof Operation.Cluster c) {
            return c.table();
        } else if (op instanceof Operation.DataChange d) {
            return d.table();
        } else if (op instanceof Operation.AttachPartition a) {
            return a.table();
        } else if (op instanceof Operation.DetachPartition d) {
            return d.table();
        } else if (op instanceof Operation.Other o) {
            return o.table();
        }
        return null;
    }
}
