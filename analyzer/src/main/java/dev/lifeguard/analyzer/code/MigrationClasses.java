package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source files of the Java classes the migrations run: the classes Liquibase {@code customChange}s
 * name, Flyway's Java migrations ({@code V2_1__Move_data.java} using Flyway's API, which Flyway finds on its
 * locations by that name), and the classes those extend (a project's own base class often holds the SQL).
 * They are migrations, not application code, so DDL written in them is not the application changing its
 * schema, and the tables they read before a later migration drops them are not the running version's uses.
 */
final class MigrationClasses {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+\\w+(?:\\s*<[^{]*?>)?\\s+extends\\s+([\\w.]+)");

    /** Flyway's Java migration naming: versioned, undo or repeatable, as for SQL files. */
    private static final Pattern FLYWAY_NAME = Pattern.compile("(?:[VU]\\d+(?:_\\d+)*|R)__\\w+\\.java");
    /** Flyway's Java migration API (BaseJavaMigration, JavaMigration, Context) or package. */
    private static final Pattern FLYWAY_API = Pattern.compile("\\borg\\.flywaydb\\.|\\b(?:Base)?JavaMigration\\b");

    private MigrationClasses() {
    }

    /**
     * Fully qualified names of the Flyway Java migrations among {@code sources}: a file named as Flyway names
     * them whose class uses Flyway's migration API.
     */
    static Set<String> flywayJava(List<Path> sources, Function<Path, Optional<SourceFile>> read) {
        Set<String> out = new LinkedHashSet<>();
        for (Path p : sources) {
            Path name = p.getFileName();
            if (name == null || !FLYWAY_NAME.matcher(name.toString()).matches()) {
                continue;
            }
            String simple = name.toString().substring(0, name.toString().length() - ".java".length());
            read.apply(p).map(SourceFile::text).filter(t -> FLYWAY_API.matcher(t).find()).ifPresent(t -> {
                Matcher pkg = PACKAGE.matcher(t);
                out.add(pkg.find() ? pkg.group(1) + "." + simple : simple);
            });
        }
        return out;
    }

    /** Fully qualified names of the classes the histories' custom changes name. */
    static Set<String> named(List<History> histories) {
        Set<String> out = new LinkedHashSet<>();
        for (History h : histories) {
            for (Migration m : h.migrations()) {
                addAll(m.operations(), out);
                addAll(m.reverse().operations(), out);
            }
        }
        return out;
    }

    private static void addAll(List<Operation> ops, Set<String> out) {
        for (Operation op : ops) {
            if (op instanceof Operation.NotModelled n && n.javaClass() != null && !n.javaClass().isBlank()) {
                out.add(n.javaClass().trim());
            }
        }
    }

    /**
     * The source files (root-relative, among {@code sources}) of the named classes and of the classes they
     * extend, followed through the project's own sources.
     *
     * @param read reads a source file, empty when it cannot be read
     */
    static Set<Path> files(Set<String> classes, List<Path> sources, Function<Path, Optional<SourceFile>> read) {
        Set<Path> out = new HashSet<>();
        if (classes.isEmpty()) {
            return out;
        }
        Deque<String> todo = new ArrayDeque<>(classes);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String fqn = todo.pop();
            if (!seen.add(fqn)) {
                continue;
            }
            String suffix = "/" + fqn.replace('.', '/') + ".java";
            for (Path p : sources) {
                String slashed = "/" + p.toString().replace('\\', '/');
                if (slashed.endsWith(suffix) && out.add(p)) {
                    read.apply(p).flatMap(f -> superclass(f.text())).ifPresent(todo::push);
                }
            }
        }
        return out;
    }

    private static final Pattern MAPPED = Pattern.compile("@(?:[\\w.]*\\.)?(?:Entity|MappedSuperclass|Embeddable|Table)\\b");

    /** Whether a source maps entities (JPA annotations): application model, even when a migration class extends it. */
    static boolean isMapped(String text) {
        return MAPPED.matcher(text).find();
    }

    /** The fully qualified name of the class a source's first class extends, as far as its imports say. */
    static Optional<String> superclass(String text) {
        Matcher e = EXTENDS.matcher(text);
        if (!e.find()) {
            return Optional.empty();
        }
        String name = e.group(1);
        if (name.contains(".")) {
            return Optional.of(name);
        }
        Matcher imp = Pattern.compile("(?m)^\\s*import\\s+([\\w.]*\\." + Pattern.quote(name) + ")\\s*;").matcher(text);
        if (imp.find()) {
            return Optional.of(imp.group(1));
        }
        Matcher pkg = PACKAGE.matcher(text);
        return Optional.of(pkg.find() ? pkg.group(1) + "." + name : name);
    }
}
