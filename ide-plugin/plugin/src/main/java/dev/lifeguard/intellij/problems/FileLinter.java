package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.config.ConfigLocator;
import dev.lifeguard.rules.config.LintSettings;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.LintResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lints the file open in the editor the way {@code lifeguard lint} lints the project: the same discovery
 * decides whether it is a migration and which history it belongs to, and the rest of that history is read
 * from disk, while the file itself is taken as the editor holds it (unsaved changes included). The
 * project's lifeguard.yml applies as it does to {@code lifeguard lint} run in the project root.
 */
public final class FileLinter {
    /** The extensions a migration can have; any other file is not looked at (the inspection runs on every file). */
    private static final Set<String> MIGRATION_EXTENSIONS = Set.of("sql", "xml", "yaml", "yml", "json");

    private final ClassLoader pluginLoader;

    /**
     * @param pluginLoader the class loader of Lifeguard's classes: Liquibase finds its parsers and change
     *                     types with {@link java.util.ServiceLoader} through the thread's context class loader,
     *                     which in an IDE thread is the platform's, not the plugin's
     */
    public FileLinter(ClassLoader pluginLoader) {
        this.pluginLoader = pluginLoader;
    }

    public static boolean mayBeMigration(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && MIGRATION_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * @param root the project root (see {@link ProjectRoots})
     * @param file the file, absolute, inside the root
     * @param text the file's current text in the editor
     * @return the problems to show in the file; none when it is not a migration
     */
    public List<EditorProblem> lint(Path root, Path file, String text) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path relative = absoluteRoot.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..") || !mayBeMigration(file)) {
            return List.of();
        }
        List<Rule> rules = BuiltinRules.all();
        if (ConfigLocator.isConfigFile(relative)) {
            return ConfigProblems.check(absoluteRoot, relative, text, rules);
        }
        return withContextLoader(pluginLoader, () -> {
            LintSettings settings = ConfigProblems.settings(absoluteRoot, rules);
            Project project;
            try {
                // the editor's text stands in for the file; no code index while typing
                project = new ProjectLoader().load(settings.loadOptions(List.of("."), List.of(), Map.of(relative, text)));
            } catch (LoadException e) {
                return List.of();
            }
            if (project.source(relative).isEmpty()) {
                return List.of();
            }
            LintResult result = new Engine(rules, settings.engineOptions(project.dialect().dialect())).lint(project);
            String linted = project.source(relative).get().text();
            // a finding its lifeguard:ignore comment covers is not shown, as in every other report
            return new ProblemMapper(relative, linted).map(result.findings().stream().filter(f -> !f.isSuppressed()).toList());
        });
    }

    /** Runs {@code work} with the thread's context class loader set to {@code loader}, and restores it after. */
    static <T> T withContextLoader(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
