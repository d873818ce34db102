package dev.lifeguard.rules.testing;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a one-history project by hand, so rule tests need no parser. Operation spans are lines of files. */
public final class ProjectBuilder {
    private final Framework framework;
    private final Dialect dialect;
    private final Path location;
    private final List<Migration> migrations = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private final Map<Path, SourceFile> sources = new HashMap<>();

    private ProjectBuilder(Framework framework, Dialect dialect, Path location) {
        this.framework = framework;
        this.dialect = dialect;
        this.location = location;
    }

    public static ProjectBuilder flyway(Dialect dialect) {
        return new ProjectBuilder(Framework.FLYWAY, dialect, Path.of("db/migration"));
    }

    public static ProjectBuilder postgres() {
        return flyway(Dialect.POSTGRESQL);
    }

    /** A Liquibase history whose root changelog is {@code root}. */
    public static ProjectBuilder liquibase(Dialect dialect, String root) {
        return new ProjectBuilder(Framework.LIQUIBASE, dialect, Path.of(root));
    }

    public static ProjectBuilder of(Framework framework, Dialect dialect) {
        return new ProjectBuilder(framework, dialect, Path.of("migrations"));
    }

    /** A versioned migration in file {@code db/migration/V<version>__m.sql} (Flyway layout). */
    public ProjectBuilder version(String version, Operation... ops) {
        return migration("db/migration/V" + version + "__m.sql", version, Reverse.none(), ops);
    }

    public ProjectBuilder migration(String file, String version, Reverse reverse, Operation... ops) {
        Path f = Path.of(file);
        migrations.add(new Migration(version, version, "m", framework, Migration.Kind.VERSIONED, whole(f), true,
                Set.of(), Set.of(), Set.of(), false, List.of(ops), reverse));
        return this;
    }

    public ProjectBuilder add(Migration m) {
        migrations.add(m);
        return this;
    }

    /** A Liquibase changeSet {@code id::ana} starting at {@code line} of {@code file}. */
    public ProjectBuilder changeSet(String file, String id, int line, Reverse reverse, Operation... ops) {
        migrations.add(changeSetOf(file, id, line, reverse, Set.of(), ops));
        return this;
    }

    public Migration changeSetOf(String file, String id, int line, Reverse reverse, Set<String> contexts, Operation... ops) {
        return new Migration(id + "::ana", null, "", Framework.LIQUIBASE, Migration.Kind.CHANGESET,
                SourceSpan.ofLine(Path.of(file), line), true, contexts, Set.of(), Set.of(), false, List.of(ops), reverse);
    }

    public ProjectBuilder problem(String file, int line, String message) {
        problems.add(new LoadProblem(SourceSpan.ofLine(Path.of(file), line), message));
        return this;
    }

    /** Registers a file's text, so rules that read the source (and fingerprints) see it. */
    public ProjectBuilder source(SourceFile file) {
        sources.put(file.path(), file);
        return this;
    }

    public Project build() {
        History h = new History(location, framework, dialect, migrations);
        return new Project(Path.of("/project"), List.of(h), sources, problems);
    }

    /** Runs only the given rule. */
    public List<Finding> lint(Rule rule) {
        return new Engine(List.of(rule), EngineOptions.defaults()).lint(build()).findings();
    }

    // ---- operation helpers: every operation sits on its own line of a file

    public static SourceSpan at(String file, int line) {
        return SourceSpan.ofLine(Path.of(file), line);
    }

    public static SourceSpan whole(Path file) {
        return new SourceSpan(file, 1, 1, 3, 1, -1, -1);
    }

    public static TableName t(String name) {
        return TableName.parse(name);
    }

    public static ColumnDef col(String name, String type) {
        return ColumnDef.of(name, type);
    }

    public static ColumnDef notNull(String name, String type, String dflt) {
        return new ColumnDef(name, type, false, dflt, ColumnDef.Generated.NONE, false, false, null);
    }

    public static ColumnDef generated(String name, String type, ColumnDef.Generated g) {
        return new ColumnDef(name, type, null, null, g, false, false, null);
    }

    public static ColumnDef withDefault(String name, String type, String dflt) {
        return new ColumnDef(name, type, null, dflt, ColumnDef.Generated.NONE, false, false, null);
    }

    public static Operation.CreateTable create(String table, ColumnDef... columns) {
        return new Operation.CreateTable(at("x", 1), t(table), List.of(columns), List.of(), false, false);
    }

    public static Operation.AddColumn addColumn(String table, ColumnDef column) {
        return new Operation.AddColumn(at("x", 1), t(table), column, false);
    }

    public static Operation.AlterColumnType alterType(String table, String column, String type) {
        return new Operation.AlterColumnType(at("x", 1), t(table), column, ColumnDef.of(null, type), null, false);
    }

    /** MySQL MODIFY / CHANGE: the whole column restated. */
    public static Operation.AlterColumnType modify(String table, String column, ColumnDef definition) {
        return new Operation.AlterColumnType(at("x", 1), t(table), column, definition, null, true);
    }
}
