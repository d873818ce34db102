package dev.lifeguard.verify.code;

import dev.lifeguard.analyzer.code.CodeVersions;
import dev.lifeguard.analyzer.model.CodeEntity;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.engine.DeployOrder;
import dev.lifeguard.rules.rehearsal.BreaksRunningVersionRule;
import dev.lifeguard.rules.rehearsal.NeedsMigrationFirstRule;
import dev.lifeguard.rules.rehearsal.RehearsalRule;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Item 6 of verify, the deploy smoke test: both application versions of a reviewed change against both schemas. The
 * version running in production (the base revision's code) and the version being deployed (head) are checked on the
 * rehearsal database before the change and after it, by {@code PREPARE} only: every table and column their code
 * names ({@link CodeCheck}), and every statement they send ({@link CodeStatements}: native SQL, MyBatis statements,
 * each entity's SELECT and INSERT). What the running version sent and worked before but fails after breaks it
 * ({@code breaks-running-version}); what the deployed version sends that fails before and works after needs the
 * migration first, where the deploy order lets the new code meet the old schema ({@code needs-migration-first}). What
 * fails on both schemas is not this change's (another database's table, a function the application creates at run
 * time) and is only counted, as is what cannot be prepared on its own.
 */
public final class CodeRehearsal {
    /** Where a finding goes (the rehearsal's findings, with lifeguard.yml's severities). */
    @FunctionalInterface
    public interface Findings {
        void add(RehearsalRule rule, SourceSpan at, String message, List<RelatedLocation> related);
    }

    /** What the schema at one moment made of both versions' code, and the search path it was read with. */
    public record Checked(Map<CodeCheck.Use, CodeCheck.Result> uses, Map<String, CodeStatements.Result> statements,
                          List<String> searchPath) {
    }

    private static final Pattern COLUMN_IN_ERROR = Pattern.compile("column \"([^\"]+)\"|column [\\w$]+\\.([\\w$]+) ");

    private final CodeVersions versions;
    private final Set<CodeCheck.Use> uses;
    private final CodeStatements statements;

    private CodeRehearsal(CodeVersions versions, Set<CodeCheck.Use> uses, CodeStatements statements) {
        this.versions = versions;
        this.uses = uses;
        this.statements = statements;
    }

    /** Both versions' code, read on first use; null when no change is under review or the code uses nothing. */
    public static CodeRehearsal of(CodeVersions versions) {
        return of(versions, null);
    }

    /**
     * @param projectRoot where the application's configuration is looked for ({@code stringtype=unspecified} in a
     *                    datasource URL: the driver then sends strings untyped); null to assume the driver's default
     */
    public static CodeRehearsal of(CodeVersions versions, Path projectRoot) {
        if (!versions.reviewed() || versions.codeBase().isEmpty()) {
            return null;
        }
        Set<CodeCheck.Use> uses = new LinkedHashSet<>();
        versions.running().references().forEach(r -> uses.add(CodeCheck.Use.of(r)));
        versions.deploying().references().forEach(r -> uses.add(CodeCheck.Use.of(r)));
        CodeStatements statements = CodeStatements.of(versions.running(), versions.deploying(), untypedStrings(projectRoot));
        return uses.isEmpty() && statements.isEmpty() ? null : new CodeRehearsal(versions, uses, statements);
    }

    private static final Pattern UNTYPED_STRINGS = Pattern.compile("(?i)stringtype\\s*=\\s*unspecified");

    /** Whether an application*.properties/yml under src/main says {@code stringtype=unspecified}. */
    static boolean untypedStrings(Path root) {
        if (root == null) {
            return false;
        }
        boolean[] found = {false};
        try {
            java.nio.file.Files.walkFileTree(root, java.util.Set.of(), 10, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name))
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                    if (f.getFileName().toString().matches("application(-[\\w-]+)?\\.(properties|ya?ml)")
                            && f.toString().contains("src" + java.io.File.separator + "main")) {
                        try {
                            found[0] |= UNTYPED_STRINGS.matcher(java.nio.file.Files.readString(f)).find();
                        } catch (java.io.IOException | RuntimeException e) {
                            // unreadable: the driver's default, then
                        }
                    }
                    return found[0] ? java.nio.file.FileVisitResult.TERMINATE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path f, java.io.IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (java.io.IOException | RuntimeException e) {
            return found[0];
        }
        return found[0];
    }

    private static final Set<String> SKIPPED = Set.of("target", "build", "node_modules", "out", "bin");

    /**
     * PREPAREs everything on the schema as it is now, with the application's schemas on the search path (those
     * holding the most tables first, then public; {@code before}'s order kept, so that both checks resolve names
     * alike).
     */
    public Checked check(Connection c, Checked before) throws SQLException {
        List<String> path = searchPath(c, before == null ? List.of() : before.searchPath());
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + path.stream().map(CodeStatements::quote).collect(Collectors.joining(", ")));
            s.execute("SET lock_timeout = '5s'");
        }
        return new Checked(CodeCheck.prepare(c, uses), statements.prepare(c), path);
    }

    private static List<String> searchPath(Connection c, List<String> before) throws SQLException {
        List<String> out = new ArrayList<>(before);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
                + " GROUP BY n.nspname ORDER BY count(*) DESC, n.nspname")) {
            while (rs.next()) {
                if (!out.contains(rs.getString(1))) {
                    out.add(rs.getString(1));
                }
            }
        }
        if (!out.contains("public")) {
            out.add("public");
        }
        return out;
    }

    /**
     * The findings and the note of one history: {@code change} its migrations under review, in order (where a finding
     * goes: the statement that removes or creates what the code names, else the change's first migration).
     */
    public void judge(Checked before, Checked after, List<Migration> change, Path historyFile, DeployOrder deploy,
                      String history, Findings findings, List<String> notes) {
        String running = "the version running in production" + versions.runningRevision().map(r -> " (at " + r + ")").orElse("");
        boolean forward = deploy.newCodeMayMeetOldSchema() && versions.codeChanged();
        Set<String> reported = new HashSet<>();
        Set<CodeCheck.Use> broken = new HashSet<>();
        Set<CodeCheck.Use> needed = new HashSet<>();
        for (CodeReference r : versions.running().references()) {
            CodeCheck.Use use = CodeCheck.Use.of(r);
            CodeCheck.Result b = before.uses().get(use);
            CodeCheck.Result a = after.uses().get(use);
            if (b != null && a != null && b.outcome() == CodeCheck.Outcome.WORKS && a.outcome() == CodeCheck.Outcome.MISSING) {
                broken.add(use);
                if (reported.add(r.span() + " " + use)) {
                    findings.add(new BreaksRunningVersionRule(), changeOf(change, historyFile, List.of(use), true), running + " "
                            + verb(r) + " " + use.display() + " (" + r.kind().label() + ", " + where(r.span()) + "), which"
                            + " works on the schema before the change; after it, PREPARE " + use.sql() + " fails: " + a.error(),
                            List.of(new RelatedLocation(r.span(), "the running version " + verb(r) + " " + use.display())));
                }
            }
        }
        if (forward) {
            for (CodeReference r : versions.deploying().references()) {
                CodeCheck.Use use = CodeCheck.Use.of(r);
                CodeCheck.Result b = before.uses().get(use);
                CodeCheck.Result a = after.uses().get(use);
                if (b != null && a != null && b.outcome() == CodeCheck.Outcome.MISSING && a.outcome() == CodeCheck.Outcome.WORKS
                        && versions.running().referencesTo(use.table(), use.column()).isEmpty()) {
                    needed.add(use);
                    if (reported.add(r.span() + " " + use)) {
                        findings.add(new NeedsMigrationFirstRule(), changeOf(change, historyFile, List.of(use), false),
                                "the version being deployed " + verb(r) + " " + use.display() + " (" + r.kind().label() + ", "
                                        + where(r.span()) + "), which only the change creates: on the schema before it, PREPARE "
                                        + use.sql() + " fails (" + b.error() + "), and deploy: " + deploy.id() + " lets the new"
                                        + " code start before the migration ran",
                                List.of(new RelatedLocation(r.span(), "the version being deployed " + verb(r) + " " + use.display())));
                    }
                }
            }
        }
        int failBoth = 0;
        for (CodeStatements.Probe p : statements.probes()) {
            CodeStatements.Result b = before.statements().get(p.sql());
            CodeStatements.Result a = after.statements().get(p.sql());
            if (b == null || a == null) {
                continue;
            }
            if (b.outcome() == CodeStatements.Outcome.FAILS && a.outcome() == CodeStatements.Outcome.FAILS) {
                failBoth++;
            } else if (b.outcome() == CodeStatements.Outcome.WORKS && a.outcome() == CodeStatements.Outcome.FAILS) {
                for (CodeStatements.Origin o : p.origins()) {
                    if (o.running() && !said(o, broken) && !sameAsUntyped(o, after) && reported.add(o.span() + " " + o.what())) {
                        findings.add(new BreaksRunningVersionRule(), changeOf(change, historyFile, uses(o), true), running
                                + " sends " + o.what() + " (" + where(o.span()) + "), which the schema before the change"
                                + " prepares; after it, PREPARE " + CodeStatements.shortened(p.sql()) + " fails: " + a.error(),
                                List.of(new RelatedLocation(related(o, a.error()), "the running version sends this statement")));
                    }
                }
            } else if (forward && b.outcome() == CodeStatements.Outcome.FAILS && a.outcome() == CodeStatements.Outcome.WORKS
                    && !p.sentBy(true)) {
                for (CodeStatements.Origin o : p.origins()) {
                    if (!o.running() && !said(o, needed) && !sameAsUntyped(o, before) && reported.add(o.span() + " " + o.what())) {
                        findings.add(new NeedsMigrationFirstRule(), changeOf(change, historyFile, uses(o), false),
                                "the version being deployed sends " + o.what() + " (" + where(o.span()) + "), which only works"
                                        + " after the change: on the schema before it, PREPARE "
                                        + CodeStatements.shortened(p.sql()) + " fails (" + b.error() + "), and deploy: "
                                        + deploy.id() + " lets the new code start before the migration ran",
                                List.of(new RelatedLocation(related(o, b.error()), "the version being deployed sends this statement")));
                    }
                }
            }
        }
        notes.add(note(history, after, failBoth));
    }

    /** A typed INSERT whose untyped form fails too: the untyped one says it (the types are not the reason). */
    private static boolean sameAsUntyped(CodeStatements.Origin o, Checked at) {
        if (o.untyped() == null) {
            return false;
        }
        CodeStatements.Result untyped = at.statements().get(o.untyped());
        return untyped == null || untyped.outcome() != CodeStatements.Outcome.WORKS;
    }

    /** Whether a name-level finding already said what breaks this statement (per name, more precisely). */
    private static boolean said(CodeStatements.Origin o, Set<CodeCheck.Use> names) {
        return uses(o).stream().anyMatch(names::contains);
    }

    private static List<CodeCheck.Use> uses(CodeStatements.Origin o) {
        return o.names().stream().map(n -> new CodeCheck.Use(n.table(), n.column())).toList();
    }

    /** An entity's statement points at the column the server names, where it is one of the entity's. */
    private static SourceSpan related(CodeStatements.Origin o, String error) {
        CodeEntity e = o.entity();
        if (e != null && error != null) {
            Matcher m = COLUMN_IN_ERROR.matcher(error);
            if (m.find()) {
                String column = m.group(1) != null ? m.group(1) : m.group(2);
                for (CodeEntity.Column c : e.columns()) {
                    if (c.name().equals(column)) {
                        return c.span();
                    }
                }
            }
        }
        return o.span();
    }

    private String note(String history, Checked after, int failBoth) {
        StringBuilder n = new StringBuilder(history).append(": the application's code PREPAREd against the schema before"
                + " and after the change: ");
        n.append(statements.sent(true)).append(" statements of the running version");
        if (versions.codeChanged()) {
            n.append(" and ").append(statements.sent(false)).append(" of the deployed version");
        } else {
            n.append(", whose code the deployed version shares");
        }
        n.append(" (JPA entities' SELECT and INSERT included), and the ").append(after.uses().size())
                .append(" tables and columns the code names");
        long unchecked = after.uses().values().stream().filter(x -> x.outcome() == CodeCheck.Outcome.NOT_CHECKED).count();
        if (failBoth > 0 || unchecked > 0) {
            n.append("; ").append(failBoth).append(" statements fail on both schemas and were not judged (not this change's:"
                    + " another database's tables, functions or tables the application creates at run time...)");
            if (unchecked > 0) {
                n.append(", ").append(unchecked).append(" names could not be prepared");
            }
        }
        Map<String, Integer> skipped = new java.util.TreeMap<>(statements.skipped(true));
        if (versions.codeChanged()) {
            statements.skipped(false).forEach((k, v) -> skipped.merge(k, v, Integer::sum));
        }
        if (!skipped.isEmpty()) {
            n.append("; not checked, as they cannot be prepared on their own: ").append(skipped.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        }
        n.append("; SQL the code builds with a query builder or the JPA criteria API is not in the code index");
        return n.toString();
    }

    private static String where(SourceSpan span) {
        return span.file().toString().replace('\\', '/') + ":" + span.startLine();
    }

    private static String verb(CodeReference r) {
        return r.kind() == CodeReference.Kind.JPA_MAPPING ? "maps" : "uses";
    }

    /**
     * The statement of the change that removes ({@code removing}) or creates one of the names, where the finding is
     * reported (the code's own line is a related location: the running version's may exist only in git); the
     * change's first migration when no statement names them (a type change of a column the statement compares, a
     * drop by CASCADE).
     */
    private static SourceSpan changeOf(List<Migration> change, Path historyFile, List<CodeCheck.Use> names, boolean removing) {
        for (Migration m : change) {
            for (Operation op : m.operations()) {
                for (CodeCheck.Use use : names) {
                    if (removing ? removes(op, use) : creates(op, use)) {
                        return op.span();
                    }
                }
            }
        }
        return change.isEmpty() ? SourceSpan.startOf(historyFile) : change.get(0).span();
    }

    private static boolean removes(Operation op, CodeCheck.Use use) {
        TableName t = use.table();
        String c = use.column();
        if (op instanceof Operation.DropTable d) {
            return d.tables().stream().anyMatch(x -> x.matches(t));
        }
        if (op instanceof Operation.RenameTable r) {
            return r.from().matches(t);
        }
        if (op instanceof Operation.DropColumn d) {
            return c != null && d.table().matches(t) && d.column().equalsIgnoreCase(c);
        }
        if (op instanceof Operation.RenameColumn r) {
            return c != null && r.table().matches(t) && r.from().equalsIgnoreCase(c);
        }
        if (op instanceof Operation.AlterColumnType a) {
            return c != null && a.table().matches(t) && a.column().equalsIgnoreCase(c);
        }
        return false;
    }

    private static boolean creates(Operation op, CodeCheck.Use use) {
        TableName t = use.table();
        String c = use.column();
        if (op instanceof Operation.CreateTable ct) {
            return ct.table().matches(t);
        }
        if (op instanceof Operation.RenameTable r) {
            return r.to().matches(t);
        }
        if (op instanceof Operation.AddColumn a) {
            return c != null && a.table().matches(t) && a.column().name().equalsIgnoreCase(c);
        }
        if (op instanceof Operation.RenameColumn r) {
            return c != null && r.table().matches(t) && r.to().equalsIgnoreCase(c);
        }
        return false;
    }

    /** The statements of both versions (tests). */
    CodeStatements statements() {
        return statements;
    }
}
