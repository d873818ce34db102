package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.rules.SqlNames;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.postgres.PgTypeChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL statements that validate a constraint under ACCESS EXCLUSIVE without saying so (measured, see
 * docs/postgres-locks.md): ATTACH PARTITION checks every row of the partition against its bound unless a
 * validated CHECK already states it, and a type change re-validates the CHECK constraints that read the
 * column, even when the change itself rewrites nothing. Both have a NOT VALID way out.
 */
final class HiddenValidations {
    private static final Pattern RANGE = Pattern.compile("(?is)^FROM\\s*\\((.*)\\)\\s*TO\\s*\\((.*)\\)$");
    private static final Pattern LIST = Pattern.compile("(?is)^IN\\s*\\((.*)\\)$");
    private static final Pattern KEY = Pattern.compile("(?i)^(RANGE|LIST)\\s*\\(\\s*(\"[^\"]+\"|[A-Za-z_][\\w$]*)\\s*\\)$");
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'|(?<![\\w$.])-?\\d+(?:\\.\\d+)?");

    private HiddenValidations() {
    }

    /**
     * ATTACH PARTITION of an existing table whose bound no validated CHECK states; and, whatever the partition,
     * a new bound joining a partitioned table that has a DEFAULT partition (the default partition is scanned).
     */
    static void attachPartition(OperationContext ctx, Operation.AttachPartition a) {
        TableChecks checks = TableChecks.before(ctx);
        List<String> literals = literals(a.bound());
        boolean partitionScanned = !ctx.isNewTable(a.partition()) // created in this deploy: empty, nothing to scan
                && !(a.bound() != null && !literals.isEmpty() && checks.of(a.partition()).stream()
                .anyMatch(c -> c.validated() && literals.stream().allMatch(l -> names(c.expression(), l))));
        TableName scannedDefault = a.bound() == null ? null : existingDefault(ctx, checks, a.table(), literals);
        if (!partitionScanned && scannedDefault == null) {
            return; // a validated CHECK restates the bound: PostgreSQL skips the scan (measured)
        }
        String p = SqlNames.table(a.partition());
        String t = SqlNames.table(a.table());
        String attach = "ALTER TABLE " + t + " ATTACH PARTITION " + p + (a.bound() == null ? " DEFAULT"
                : " FOR VALUES " + a.bound()) + ";";
        String check = boundCheck(checks.partitionBy(a.table()), a.bound());
        String name = SqlNames.ident(a.partition().name() + "_bound");
        String help = check == null
                ? "Add a CHECK constraint to " + p + " that restates the bound on the partition key, NOT VALID, and"
                + " VALIDATE CONSTRAINT it in a later migration (that scan takes SHARE UPDATE EXCLUSIVE: reads and"
                + " writes go on); then " + attach + " skips its scan, and the CHECK can be dropped"
                : "ALTER TABLE " + p + " ADD CONSTRAINT " + name + " CHECK (" + check + ") NOT VALID; then, in a later"
                + " migration: ALTER TABLE " + p + " VALIDATE CONSTRAINT " + name + "; (scans without blocking reads"
                + " or writes) then " + attach + " (no scan: the CHECK proves the bound) ALTER TABLE " + p
                + " DROP CONSTRAINT " + name + ";";
        String message = "table " + a.partition() + " is attached as a partition of " + a.table() + " with no"
                + " validated CHECK that states its bound: PostgreSQL scans every row of " + a.partition() + " to"
                + " check the bound while it holds ACCESS EXCLUSIVE on it (its reads and writes wait; " + a.table()
                + " itself takes only SHARE UPDATE EXCLUSIVE)";
        if (scannedDefault != null) {
            String d = SqlNames.table(scannedDefault);
            String defaultScan = a.table() + " has a DEFAULT partition, " + scannedDefault + ": PostgreSQL"
                    + (partitionScanned ? " also" : "") + " scans every row of it for rows of the new bound while it holds ACCESS EXCLUSIVE on it (reads and writes"
                    + " of " + scannedDefault + " wait)";
            message = partitionScanned ? message + "; and " + defaultScan
                    : "table " + a.partition() + " is attached as a partition of " + a.table() + ", and " + defaultScan;
            String spare = defaultHelp(d, scannedDefault, check);
            help = partitionScanned ? help + ". " + spare : spare;
        }
        ctx.report(a.span(), message, help, null, List.of());
    }

    /**
     * CREATE TABLE ... PARTITION OF ... FOR VALUES on a partitioned table with a DEFAULT partition the history
     * shows: the new partition is empty, but the default one is scanned for rows of the bound under ACCESS
     * EXCLUSIVE (and the partitioned table is held ACCESS EXCLUSIVE throughout), measured.
     */
    static void createPartition(OperationContext ctx, Operation.CreateTable c) {
        if (c.partitionOf() == null || c.partitionBound() == null || c.partitionBound().equalsIgnoreCase("DEFAULT")) {
            return;
        }
        TableChecks checks = TableChecks.before(ctx);
        TableName scannedDefault = existingDefault(ctx, checks, c.partitionOf(), literals(c.partitionBound()));
        if (scannedDefault == null) {
            return;
        }
        String check = boundCheck(checks.partitionBy(c.partitionOf()), c.partitionBound());
        ctx.report(c.span(), "partition " + c.table() + " of " + c.partitionOf() + " is created while " + c.partitionOf()
                + " has a DEFAULT partition, " + scannedDefault + ": PostgreSQL scans every row of " + scannedDefault
                + " for rows of the new bound while it holds ACCESS EXCLUSIVE on it, and on " + c.partitionOf()
                + " itself (reads and writes of every partition wait)", defaultHelp(SqlNames.table(scannedDefault),
                scannedDefault, check), null, List.of());
    }

    /**
     * The DEFAULT partition of {@code table} the history shows that PostgreSQL scans for the new bound: not one new
     * in this deploy (empty), nor one a validated CHECK excludes the bound from ({@code NOT (...)} naming every
     * value of the bound; measured: no scan).
     */
    private static TableName existingDefault(OperationContext ctx, TableChecks checks, TableName table,
                                             List<String> literals) {
        TableName d = checks.defaultPartition(table);
        if (d == null || ctx.isNewTable(d)) {
            return null;
        }
        boolean excluded = !literals.isEmpty() && checks.of(d).stream().anyMatch(c -> c.validated()
                && c.expression().toUpperCase(java.util.Locale.ROOT).contains("NOT")
                && literals.stream().allMatch(l -> names(c.expression(), l)));
        return excluded ? null : d;
    }

    private static String defaultHelp(String d, TableName scannedDefault, String check) {
        String name = SqlNames.ident(scannedDefault.name() + "_excludes_new");
        return check == null
                ? "Spare the default partition's scan: add a CHECK to " + d + " that excludes the new bound, NOT VALID,"
                + " and VALIDATE CONSTRAINT it in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes go on)"
                + " before adding the partition; or move the default partition's rows of that bound out first"
                : "Spare the default partition's scan: ALTER TABLE " + d + " ADD CONSTRAINT " + name + " CHECK (NOT ("
                + check + ")) NOT VALID; then, in a later migration: ALTER TABLE " + d + " VALIDATE CONSTRAINT " + name
                + "; (no blocking scan) before adding the partition (rows of the new bound still in the default"
                + " partition make that VALIDATE fail: move them first)";
    }

    /** A type change that rewrites nothing, on a column that validated CHECK constraints read. */
    static void typeChange(OperationContext ctx, Operation.AlterColumnType a) {
        if (a.fullRedefinition() || ctx.isNewTable(a.table())) {
            return;
        }
        String oldType = ctx.table(a.table()).flatMap(t -> t.column(a.column())).map(ColumnState::type).orElse(null);
        ColumnDef def = a.definition();
        if (oldType == null || def == null || def.type() == null
                || PgTypeChange.classify(oldType, def.type(), a.using(), a.column()).rewrites()) {
            return; // a rewrite is column-type-change's finding, and its scan covers the CHECKs too
        }
        List<TableChecks.Check> reading = TableChecks.before(ctx).of(a.table()).stream()
                .filter(c -> c.validated() && c.reads(a.column())).toList();
        if (reading.isEmpty()) {
            return;
        }
        String t = SqlNames.table(a.table());
        String col = SqlNames.ident(a.column());
        List<String> steps = new ArrayList<>();
        List<String> later = new ArrayList<>();
        for (TableChecks.Check c : reading) {
            String name = SqlNames.ident(c.name() != null ? c.name() : a.table().name() + "_" + a.column() + "_check");
            steps.add("ALTER TABLE " + t + " DROP CONSTRAINT " + name + ";");
            later.add("ALTER TABLE " + t + " ADD CONSTRAINT " + name + " CHECK (" + c.expression() + ") NOT VALID;");
        }
        String names = reading.stream().map(c -> c.name() == null ? "CHECK (" + c.expression() + ")" : c.name())
                .collect(Collectors.joining(", "));
        ctx.report(a.span(), "column " + a.table() + "." + a.column() + " changes type from " + oldType + " to "
                + def.type() + " without a rewrite, but PostgreSQL validates the CHECK constraint" + (reading.size() > 1
                ? "s " : " ") + names + " on it again: a scan of every row under ACCESS EXCLUSIVE (reads and writes"
                + " wait)", String.join(" ", steps) + " ALTER TABLE " + t + " ALTER COLUMN " + col + " TYPE "
                + def.type() + (a.using() == null ? "" : " USING " + a.using()) + "; " + String.join(" ", later)
                + " (all in one transaction); then, in a later migration, VALIDATE CONSTRAINT "
                + reading.stream().map(c -> SqlNames.ident(c.name() != null ? c.name()
                : a.table().name() + "_" + a.column() + "_check")).collect(Collectors.joining(", "))
                + " (a scan that blocks neither reads nor writes)", null, List.of());
    }

    /** Whether the expression names the literal (a number as a whole number, not inside another). */
    private static boolean names(String expression, String literal) {
        return Pattern.compile("(?<![\\w$.])" + Pattern.quote(literal) + "(?![\\w.])").matcher(expression).find();
    }

    /** The values a bound names (numbers and quoted strings), which a CHECK restating it must name too. */
    static List<String> literals(String bound) {
        List<String> out = new ArrayList<>();
        if (bound == null) {
            return out;
        }
        Matcher m = LITERAL.matcher(bound);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** A CHECK expression that states a single-column RANGE or LIST bound, or null when not that simple. */
    static String boundCheck(String partitionBy, String bound) {
        if (partitionBy == null || bound == null) {
            return null;
        }
        Matcher key = KEY.matcher(partitionBy.strip());
        if (!key.matches()) {
            return null;
        }
        String k = key.group(2);
        Matcher range = RANGE.matcher(bound.strip());
        if (key.group(1).equalsIgnoreCase("RANGE") && range.matches()) {
            String from = range.group(1).strip();
            String to = range.group(2).strip();
            if (from.contains(",") || to.contains(",")) {
                return null; // a multi-column bound
            }
            List<String> parts = new ArrayList<>(List.of(k + " IS NOT NULL"));
            if (!from.equalsIgnoreCase("MINVALUE")) {
                parts.add(k + " >= " + from);
            }
            if (!to.equalsIgnoreCase("MAXVALUE")) {
                parts.add(k + " < " + to);
            }
            return String.join(" AND ", parts);
        }
        Matcher list = LIST.matcher(bound.strip());
        if (key.group(1).equalsIgnoreCase("LIST") && list.matches()
                && !list.group(1).toUpperCase(Locale.ROOT).matches("(?s).*\\bNULL\\b.*")) {
            return k + " IS NOT NULL AND " + k + " IN (" + list.group(1).strip() + ")";
        }
        return null;
    }
}
