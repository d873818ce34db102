package dev.lifeguard.rules.testing;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.sql.SqlParser;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-history project of SQL files read by Lifeguard's own SQL parser, one migration per file, so rule
 * tests see real spans and source text (fixes need both) without the discovery layer.
 */
public final class SqlProject {
    private final Dialect dialect;
    private final Framework framework;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, Boolean> inTransaction = new LinkedHashMap<>();

    private SqlProject(Dialect dialect, Framework framework) {
        this.dialect = dialect;
        this.framework = framework;
    }

    public static SqlProject flyway(Dialect dialect) {
        return new SqlProject(dialect, Framework.FLYWAY);
    }

    public static SqlProject of(Framework framework, Dialect dialect) {
        return new SqlProject(dialect, framework);
    }

    /** Adds a migration file that runs in a transaction. */
    public SqlProject file(String name, String sql) {
        return file(name, sql, true);
    }

    public SqlProject file(String name, String sql, boolean runsInTransaction) {
        files.put(name, sql);
        inTransaction.put(name, runsInTransaction);
        return this;
    }

    public Project build() {
        SqlParser parser = new SqlParser(dialect);
        List<Migration> migrations = new ArrayList<>();
        Map<Path, SourceFile> sources = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            SourceFile source = new SourceFile(Path.of(e.getKey()), e.getValue());
            sources.put(source.path(), source);
            String name = source.path().getFileName().toString();
            migrations.add(new Migration(name, name, "m", framework, Migration.Kind.VERSIONED,
                    source.span(0, source.text().length()), inTransaction.get(e.getKey()), Set.of(), Set.of(),
                    Set.of(), false, parser.parse(source), Reverse.none()));
        }
        History h = new History(Path.of("db/migration"), framework, dialect, migrations);
        return new Project(Path.of("/project"), List.of(h), sources, List.of());
    }

    public List<Finding> lint(Rule rule) {
        return new Engine(List.of(rule), EngineOptions.defaults()).lint(build()).findings();
    }

    /** This project with every fix of the findings applied to the files' text. */
    public SqlProject withFixes(List<Finding> findings) {
        SqlProject fixed = new SqlProject(dialect, framework);
        for (Map.Entry<String, String> e : files.entrySet()) {
            List<Fix.Edit> edits = findings.stream().filter(f -> f.fix() != null).flatMap(f -> f.fix().edits().stream())
                    .filter(ed -> ed.span().file().equals(Path.of(e.getKey())))
                    .sorted(Comparator.comparingInt((Fix.Edit ed) -> ed.span().startOffset()).reversed()).toList();
            StringBuilder text = new StringBuilder(e.getValue());
            for (Fix.Edit ed : edits) {
                text.replace(ed.span().startOffset(), ed.span().endOffset(), ed.replacement());
            }
            fixed.file(e.getKey(), text.toString(), inTransaction.get(e.getKey()));
        }
        return fixed;
    }

    public String text(String name) {
        return files.get(name);
    }
}
