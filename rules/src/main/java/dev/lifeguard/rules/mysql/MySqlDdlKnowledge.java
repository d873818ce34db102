package dev.lifeguard.rules.mysql;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.compatibility.SqlType;
import dev.lifeguard.rules.mysql.MySqlDdlEffect.Algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that knows how InnoDB runs each ALTER TABLE clause on an existing table, per server and
 * version: the algorithm it picks, whether it copies the rows, whether writes go on. The MariaDB answers are
 * checked against a real MariaDB by MariaDbOnlineDdlMeasurementTest (test-fixtures), which renders
 * docs/mariadb-online-ddl.md from what it measured; the MySQL answers follow the MySQL 8.4 manual's online
 * DDL tables (https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html), with the version
 * each INSTANT form arrived in (ADD COLUMN 8.0.12, at the end only until 8.0.29; RENAME COLUMN 8.0.28; DROP
 * COLUMN 8.0.29).
 */
public final class MySqlDdlKnowledge {

    /**
     * What the knowledge needs beyond the operation: the column's type and nullability before a MODIFY /
     * CHANGE (null when not known), and whether foreign_key_checks is on.
     */
    public record Context(String oldColumnType, Boolean oldNullable, boolean foreignKeyChecks) {
        public static final Context DEFAULT = new Context(null, null, true);

        public Context(String oldColumnType, boolean foreignKeyChecks) {
            this(oldColumnType, null, foreignKeyChecks);
        }
    }

    /**
     * Defaults MariaDB computes for every existing row, so that ADD COLUMN copies the table: UUID() (measured;
     * RAND() and CURRENT_TIMESTAMP defaults were measured instant).
     */
    private static final Pattern PER_ROW_DEFAULT = Pattern.compile("(?i)\\b(uuid|uuid_short|sys_guid)\\s*\\(");
    private static final Set<String> SERIAL = Set.of("serial");

    private final TargetVersion target;
    private final boolean mariadb;

    private MySqlDdlKnowledge(TargetVersion target) {
        this.target = target;
        this.mariadb = target.dialect() == Dialect.MARIADB;
    }

    /** Knowledge for the version a rule judges for; {@code target} must be a MySQL or MariaDB version. */
    public static MySqlDdlKnowledge forTarget(TargetVersion target) {
        if (!target.dialect().isMySqlFamily()) {
            throw new IllegalArgumentException("not a MySQL or MariaDB version: " + target);
        }
        return new MySqlDdlKnowledge(target);
    }

    public TargetVersion target() {
        return target;
    }

    /** The effect of one operation on its existing table; empty when it is not an ALTER of one we know. */
    public Optional<MySqlDdlEffect> effect(Operation op, Context ctx) {
        if (op instanceof Operation.AddColumn a) {
            return Optional.of(addColumn(a.column(), ctx));
        }
        if (op instanceof Operation.DropColumn) {
            return Optional.of(dropColumn());
        }
        if (op instanceof Operation.RenameColumn) {
            return Optional.of(mariadb || target.atLeast(8, 0, 28) ? MySqlDdlEffect.instant("renames in the data dictionary")
                    : MySqlDdlEffect.metadata(Algorithm.INPLACE, "renames in place (metadata only)"));
        }
        if (op instanceof Operation.AlterColumnType t) {
            return alterType(t.definition(), ctx.oldColumnType(), ctx.oldNullable());
        }
        if (op instanceof Operation.SetDefault || op instanceof Operation.DropDefault) {
            return Optional.of(MySqlDdlEffect.instant("changes the default in the data dictionary"));
        }
        if (op instanceof Operation.AddConstraint c) {
            return Optional.of(addConstraint(c.constraint(), ctx));
        }
        if (op instanceof Operation.DropConstraint d) {
            return Optional.of("primary".equals(d.name())
                    ? copy("dropping the primary key without adding another copies the table (ALGORITHM=COPY)")
                    : mariadb ? MySqlDdlEffect.instant("drops the constraint in the data dictionary")
                    : MySqlDdlEffect.metadata(Algorithm.INPLACE, "drops the constraint in place (metadata only)"));
        }
        if (op instanceof Operation.CreateIndex i && "FULLTEXT".equals(i.kind())) {
            // MySQL 8.4 manual, online DDL index operations: in place, no concurrent DML; the first FULLTEXT
            // index rebuilds the table unless it has a user-defined FTS_DOC_ID column (MariaDB: measured)
            return Optional.of(new MySqlDdlEffect(Algorithm.INPLACE, true, false, "builds the FULLTEXT index in"
                    + " place but blocks writes for the whole build (LOCK=SHARED at best), and a table's first FULLTEXT"
                    + " index also rebuilds it to add the hidden FTS_DOC_ID column"));
        }
        if (op instanceof Operation.CreateIndex i && "SPATIAL".equals(i.kind())) {
            // MySQL 8.4 manual: in place, no rebuild, no concurrent DML; MariaDB (measured): NOCOPY, no LOCK=NONE
            return Optional.of(new MySqlDdlEffect(mariadb ? Algorithm.NOCOPY : Algorithm.INPLACE, false, false,
                    "builds the SPATIAL index in"
                    + " place but blocks writes for the whole build (LOCK=SHARED at best)"));
        }
        if (op instanceof Operation.CreateIndex i) {
            return Optional.of(MySqlDdlEffect.metadata(mariadb ? Algorithm.NOCOPY : Algorithm.INPLACE,
                    "builds the " + (i.unique() ? "unique " : "") + "index in place while writes go on"));
        }
        if (op instanceof Operation.DropIndex) {
            return Optional.of(MySqlDdlEffect.metadata(mariadb ? Algorithm.NOCOPY : Algorithm.INPLACE,
                    "drops the index in place (metadata only)"));
        }
        if (op instanceof Operation.RenameTable) {
            return Optional.of(new MySqlDdlEffect(Algorithm.INSTANT, false, false, "renames in the data dictionary,"
                    + " under a brief exclusive metadata lock (LOCK=NONE is refused)"));
        }
        if (op instanceof Operation.Other o && o.kind() != null) {
            return other(o.kind());
        }
        return Optional.empty();
    }

    /** The effect of one statement: its clauses run together, with the costliest algorithm any of them needs. */
    public Optional<MySqlDdlEffect> statementEffect(List<Operation> statement, List<Context> contexts) {
        boolean dropsPrimary = statement.stream().anyMatch(o -> o instanceof Operation.DropConstraint d
                && "primary".equals(d.name()));
        boolean addsPrimary = statement.stream().anyMatch(o -> o instanceof Operation.AddConstraint a
                && a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY);
        MySqlDdlEffect total = null;
        for (int i = 0; i < statement.size(); i++) {
            Operation op = statement.get(i);
            Optional<MySqlDdlEffect> e = dropsPrimary && addsPrimary && op instanceof Operation.DropConstraint d
                    && "primary".equals(d.name())
                    ? Optional.of(MySqlDdlEffect.rebuild(true, "replaces the primary key by rebuilding the table in place"))
                    : effect(op, contexts.get(i));
            if (e.isPresent()) {
                total = total == null ? e.get() : total.and(e.get());
            }
        }
        return Optional.ofNullable(total);
    }

    private MySqlDdlEffect addColumn(ColumnDef c, Context ctx) {
        String type = c.type() == null ? "" : c.type().trim().toLowerCase(Locale.ROOT);
        if (c.generated() == ColumnDef.Generated.STORED) {
            return copy("a STORED generated column is computed for every row with ALGORITHM=COPY");
        }
        if (c.generated() == ColumnDef.Generated.IDENTITY || SERIAL.contains(type)) {
            return MySqlDdlEffect.rebuild(false, "an AUTO_INCREMENT column is numbered row by row in a rebuild"
                    + " that allows no concurrent writes (LOCK=SHARED at best)");
        }
        if (c.references() != null && (mariadb || target.atLeast(9, 0))) {
            return foreignKey(ctx, "its inline REFERENCES adds a foreign key, and adding a foreign key");
        }
        if (!mariadb && c.checkExpression() != null && target.atLeast(8, 0, 16)) {
            // MySQL bug #117450 (verified on 8.0, 8.4 and 9.2): INSTANT and INPLACE are refused for it.
            // MariaDB adds such a column instantly (measured).
            return copy("a column added with a CHECK constraint is added by a table copy (ALGORITHM=COPY; MySQL"
                    + " refuses INSTANT and INPLACE for it, bug #117450)");
        }
        if (mariadb && c.defaultExpression() != null && PER_ROW_DEFAULT.matcher(c.defaultExpression()).find()) {
            return copy("DEFAULT " + c.defaultExpression().trim() + " is computed for every existing row with"
                    + " ALGORITHM=COPY");
        }
        if (c.primaryKey() || c.unique()) {
            return MySqlDdlEffect.rebuild(true, "a column added with its own " + (c.primaryKey() ? "PRIMARY KEY"
                    : "UNIQUE") + " index rebuilds the table in place (writes go on)");
        }
        if (mariadb ? !target.atLeast(10, 3, 2) : !target.atLeast(8, 0, 12)) {
            return MySqlDdlEffect.rebuild(true, (mariadb ? "MariaDB before 10.3.2" : "MySQL before 8.0.12")
                    + " (target " + target + ") has no INSTANT ADD COLUMN: it rebuilds the table (ALGORITHM=INPLACE),"
                    + " copying every row while writes go on, and replicas lag for as long as the rebuild ran");
        }
        if (c.position() != null && (mariadb ? !target.atLeast(10, 4) : !target.atLeast(8, 0, 29))) {
            // MySQL 8.0 manual, online DDL, "Adding a column": before 8.0.29 an instantly added column can only be
            // the last one; MariaDB 10.3 likewise (10.4 adds INSTANT at any position: measured, add-column-after)
            return MySqlDdlEffect.rebuild(true, (mariadb ? "MariaDB before 10.4" : "MySQL before 8.0.29") + " (target "
                    + target + ") adds a column instantly only at the end of the table: " + c.position() + " rebuilds"
                    + " the table (ALGORITHM=INPLACE), copying every row while writes go on, and replicas lag for as"
                    + " long as the rebuild ran");
        }
        return MySqlDdlEffect.instant("adds the column in the data dictionary (ALGORITHM=INSTANT)");
    }

    private MySqlDdlEffect dropColumn() {
        if (mariadb ? target.atLeast(10, 4) : target.atLeast(8, 0, 29)) {
            return MySqlDdlEffect.instant("drops the column in the data dictionary (ALGORITHM=INSTANT)");
        }
        return MySqlDdlEffect.rebuild(true, (mariadb ? "MariaDB before 10.4" : "MySQL before 8.0.29") + " (target "
                + target + ") has no INSTANT DROP COLUMN: it rebuilds the table in place, copying every row while"
                + " writes go on, and replicas lag for as long as the rebuild ran");
    }

    private Optional<MySqlDdlEffect> alterType(ColumnDef to, String oldType, Boolean oldNullable) {
        Dialect d = target.dialect();
        SqlType from = SqlType.parse(oldType, d);
        SqlType next = SqlType.parse(to.type(), d);
        if (from == null || next == null) {
            return Optional.empty();
        }
        if (from.equals(next)) {
            boolean wasNullable = !Boolean.FALSE.equals(oldNullable);
            boolean nullable = !to.isNotNull();
            if (wasNullable == nullable) {
                return Optional.of(mariadb ? MySqlDdlEffect.instant("restating the column's type changes only the"
                        + " data dictionary") : MySqlDdlEffect.metadata(Algorithm.INPLACE, "restating the column's"
                        + " type is in place (metadata only)"));
            }
            return Optional.of(MySqlDdlEffect.rebuild(true, "making the column " + (nullable ? "NULL" : "NOT NULL")
                    + " rebuilds the table in place while writes go on"));
        }
        if (isVarchar(from) && isVarchar(next) && from.rest().equals(next.rest()) && from.intArg(0) > 0
                && next.intArg(0) >= from.intArg(0)) {
            int bytesPerChar = bytesPerChar(oldType);
            boolean sameLengthPrefix = lengthBytes(from.intArg(0) * bytesPerChar) == lengthBytes(next.intArg(0) * bytesPerChar);
            if (sameLengthPrefix) {
                return Optional.of(mariadb ? MySqlDdlEffect.instant("widening a VARCHAR whose length prefix stays "
                        + lengthBytes(next.intArg(0) * bytesPerChar) + " byte(s) changes only the data dictionary")
                        : MySqlDdlEffect.metadata(Algorithm.INPLACE, "widening a VARCHAR whose length prefix stays "
                        + lengthBytes(next.intArg(0) * bytesPerChar) + " byte(s) is in place (metadata only)"));
            }
            return Optional.of(copy("varchar(" + from.intArg(0) + ") -> varchar(" + next.intArg(0) + ") moves the length"
                    + " prefix from 1 to 2 bytes (up to " + bytesPerChar + " bytes a character" + (bytesPerChar == 4
                    ? " under utf8mb4" : "") + ", 255 bytes fit in one), which only a table copy (ALGORITHM=COPY) can do"));
        }
        if (from.name().equals(next.name()) && (from.name().equals("enum") || from.name().equals("set"))
                && from.rest().equals(next.rest())) {
            List<String> before = members(oldType);
            List<String> after = members(to.type());
            if (after.size() > before.size() && after.subList(0, before.size()).equals(before)
                    && storageBytes(from.name(), before.size()) == storageBytes(from.name(), after.size())) {
                return Optional.of(MySqlDdlEffect.instant("values appended at the end of an " + from.name().toUpperCase(Locale.ROOT)
                        + " that keeps its storage size change only the data dictionary"));
            }
        }
        return Optional.of(copy("changing the type " + from + " -> " + next + " copies the table (ALGORITHM=COPY)"));
    }

    private MySqlDdlEffect addConstraint(ConstraintDef c, Context ctx) {
        switch (c.kind()) {
            case FOREIGN_KEY:
                return foreignKey(ctx, "adding a foreign key");
            case CHECK:
                if (!mariadb && !target.atLeast(8, 0, 16)) {
                    return MySqlDdlEffect.instant("MySQL before 8.0.16 parses CHECK and ignores it");
                }
                return copy("adding a CHECK constraint checks every row in a table copy (ALGORITHM=COPY)");
            case PRIMARY_KEY:
                return MySqlDdlEffect.rebuild(true, "adding a primary key rebuilds the table in place (writes go on)");
            case UNIQUE:
                return MySqlDdlEffect.metadata(mariadb ? Algorithm.NOCOPY : Algorithm.INPLACE,
                        "builds the unique index in place while writes go on");
            default:
                return MySqlDdlEffect.metadata(Algorithm.INPLACE, "changes the table in place");
        }
    }

    private MySqlDdlEffect foreignKey(Context ctx, String what) {
        if (!ctx.foreignKeyChecks()) {
            return MySqlDdlEffect.metadata(mariadb ? Algorithm.NOCOPY : Algorithm.INPLACE, what + " with"
                    + " foreign_key_checks=0 is in place (metadata only), and existing rows are not checked");
        }
        return copy(what + " while foreign_key_checks=1 copies the table (ALGORITHM=COPY) to check every row");
    }

    private Optional<MySqlDdlEffect> other(String kind) {
        String k = kind.toUpperCase(Locale.ROOT);
        if (k.startsWith("ALTER TABLE CONVERT")) {
            return Optional.of(copy("converting the table's character set rewrites every row (ALGORITHM=COPY)"));
        }
        if (k.equals("ALTER TABLE FORCE") || k.startsWith("ALTER TABLE ENGINE")) {
            return Optional.of(MySqlDdlEffect.rebuild(true, "rebuilds the table in place while writes go on"));
        }
        return Optional.empty();
    }

    /**
     * A table copy. MariaDB 11.2 (first LTS: 11.4) copies online by default (LOCK=NONE: writes go on through its
     * online change buffer, with a short exclusive lock at the end); MySQL and older MariaDB block writes.
     */
    private MySqlDdlEffect copy(String note) {
        if (mariadb && target.atLeast(11, 2)) {
            return MySqlDdlEffect.copy(true, note + "; MariaDB 11.2+ copies online, so writes go on, but every row is"
                    + " copied and replicas lag for as long as the copy ran");
        }
        return MySqlDdlEffect.copy(false, note + ", blocking writes for the whole copy");
    }

    private static boolean isVarchar(SqlType t) {
        return t.name().equals("varchar");
    }

    /** Bytes a character may take: from a CHARACTER SET the column states, else utf8mb4 (the default since MySQL 8.0). */
    static int bytesPerChar(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\b(latin1|ascii|binary|cp1252|latin2)\\b.*")) {
            return 1;
        }
        if (t.matches(".*\\b(utf8mb3|utf8)\\b(?!mb4).*")) {
            return 3;
        }
        return 4;
    }

    private static int lengthBytes(int maxBytes) {
        return maxBytes <= 255 ? 1 : 2;
    }

    private static int storageBytes(String kind, int members) {
        if (kind.equals("enum")) {
            return members <= 255 ? 1 : 2;
        }
        return (members + 7) / 8;
    }

    /** The quoted members of ENUM('a','b') / SET(...), as written. */
    static List<String> members(String type) {
        List<String> out = new ArrayList<>();
        int open = type.indexOf('(');
        if (open < 0) {
            return out;
        }
        StringBuilder cur = null;
        for (int i = open + 1; i < type.length(); i++) {
            char ch = type.charAt(i);
            if (cur == null) {
                if (ch == '\'' || ch == '"') {
                    cur = new StringBuilder().append(ch);
                } else if (ch == ')') {
                    break;
                }
            } else if (ch == cur.charAt(0) && i + 1 < type.length() && type.charAt(i + 1) == ch) {
                cur.append(ch);
                i++;
            } else if (ch == cur.charAt(0)) {
                out.add(cur.substring(1));
                cur = null;
            } else {
                cur.append(ch);
            }
        }
        return out;
    }
}
