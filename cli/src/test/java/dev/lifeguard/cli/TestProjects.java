package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built projects and findings, written to a real directory so paths and sources agree. */
public final class TestProjects {
    public static final String V1 = "db/migration/V1__create_users.sql";
    public static final String V2 = "db/migration/V2__rename_name.sql";
    public static final String V1_TEXT = "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    name text\n);\n";
    public static final String V2_TEXT = "-- the application reads users.name\nALTER TABLE users RENAME COLUMN name TO full_name;\n";

    private TestProjects() {
    }

    /**
     * A Flyway project under {@code root}: V1 creates users, V2 renames one of its columns in place (the
     * built-in rename-column rule flags it).
     */
    public static Project flywayRename(Path root) {
        Map<Path, SourceFile> sources = new LinkedHashMap<>();
        SourceFile v1 = write(root, V1, V1_TEXT, sources);
        SourceFile v2 = write(root, V2, V2_TEXT, sources);
        TableName users = TableName.parse("users");
        Operation create = new Operation.CreateTable(v1.span(0, V1_TEXT.length() - 1), users, List.of(), List.of(), false, false);
        int start = V2_TEXT.indexOf("ALTER");
        Operation rename = new Operation.RenameColumn(v2.span(start, V2_TEXT.length() - 1), users, "name", "full_name");
        History history = new History(Path.of("db/migration"), Framework.FLYWAY, Dialect.POSTGRESQL, List.of(
                migration("1", v1, create), migration("2", v2, rename)));
        return new Project(root, List.of(history), sources, List.of());
    }

    /**
     * Writes a Flyway project under {@code root} in which V2 renames a column under a suppression comment
     * and drops another without one, and reads it with the real loader and rules.
     */
    public static LintResult suppressedRename(Path root) {
        try {
            Files.createDirectories(root.resolve("db/migration"));
            Files.writeString(root.resolve(V1), "CREATE TABLE users (id bigint PRIMARY KEY, name text, fax text);\n");
            Files.writeString(root.resolve(V2), "SET lock_timeout = '1s';\n"
                    + "-- lifeguard:ignore rename-column nothing reads users.name\n"
                    + "ALTER TABLE users RENAME COLUMN name TO full_name;\n"
                    + "ALTER TABLE users DROP COLUMN fax;\n");
            Project project = new ProjectLoader().load(new LoadOptions(root, List.of(root.toString()), Dialect.POSTGRESQL,
                    List.of()));
            return new Engine(BuiltinRules.all(), EngineOptions.defaults()).lint(project);
        } catch (IOException | LoadException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A project with files but no migrations: nothing to find. */
    public static Project empty(Path root) {
        return new Project(root, List.of(), Map.of(), List.of());
    }

    public static RuleMetadata rule(String id, Severity severity) {
        return new RuleMetadata(id, "Summary of " + id, severity, Set.of(), List.of("test", "expand-contract"), "0.1.0",
                "Do the safe thing instead of " + id);
    }

    /**
     * A result with one finding of each severity on the rename project: an error with a related location,
     * a warning with a fix, and a note on a line-only span (as Liquibase elements have).
     */
    public static LintResult mixedResult(Project project) {
        SourceFile v1 = project.source(Path.of(V1)).orElseThrow();
        SourceFile v2 = project.source(Path.of(V2)).orElseThrow();
        int alter = V2_TEXT.indexOf("ALTER");
        SourceSpan renameSpan = v2.span(alter, V2_TEXT.length() - 1);
        SourceSpan createSpan = v1.span(0, V1_TEXT.length() - 1);
        Finding error = new Finding(rule("rename-column", Severity.ERROR), Severity.ERROR,
                "column users.name is renamed to full_name in place", renameSpan, "Add the new column first",
                List.of(new RelatedLocation(createSpan, "users is created here")), null, "f1");
        int name = V1_TEXT.indexOf("name text");
        Fix fix = new Fix("make name nullable", List.of(new Fix.Edit(v1.span(name + 9, name + 9), " NULL")));
        Finding warning = new Finding(rule("table-rewrite", Severity.WARNING), Severity.WARNING,
                "the table is rewritten", v1.span(name, name + 9), "Rewrite it in batches", List.of(), fix, "f2");
        Finding note = new Finding(rule("parse-error", Severity.NOTE), Severity.NOTE,
                "not checked: statement could not be parsed", SourceSpan.ofLine(Path.of(V1), 2), null, List.of(), null, "f3");
        return new LintResult(project, List.of(note, warning, error), 2);
    }

    private static SourceFile write(Path root, String relative, String text, Map<Path, SourceFile> sources) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourceFile source = new SourceFile(Path.of(relative), text);
        sources.put(source.path(), source);
        return source;
    }

    private static Migration migration(String version, SourceFile file, Operation op) {
        SourceSpan whole = file.span(0, file.text().length());
        return new Migration(version, version, file.path().getFileName().toString(), Framework.FLYWAY,
                Migration.Kind.VERSIONED, whole, true, Set.of(), Set.of(), Set.of(), false, List.of(op), Reverse.none());
    }
}
