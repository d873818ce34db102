package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.warm.WarmProject;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.config.ConfigLocator;
import dev.lifeguard.rules.editor.ProjectModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lints the file open in the editor the way {@code lifeguard lint} lints the project, through the warm
 * {@link ProjectModel} the language server uses too: the same discovery decides whether it is a migration and
 * which history it belongs to, the rest of that history comes from what the model keeps (read from disk once),
 * and the file itself is taken as the editor holds it (unsaved changes included). The project's lifeguard.yml
 * applies as it does to {@code lifeguard lint} run in the project root. One model per project root, kept for
 * the IDE's lifetime and told about changed files ({@link #changed}).
 */
public final class FileLinter {
    /** The plugin's version (from its jar's manifest), whose rule pages findings link by default. */
    private static final String VERSION = FileLinter.class.getPackage().getImplementationVersion();

    private final ClassLoader pluginLoader;
    private final List<Rule> rules = BuiltinRules.all();
    private final Map<Path, ProjectModel> models = new ConcurrentHashMap<>();

    /**
     * @param pluginLoader the class loader of Lifeguard's classes: Liquibase finds its parsers and change
     *                     types with {@link java.util.ServiceLoader} through the thread's context class loader,
     *                     which in an IDE thread is the platform's, not the plugin's
     */
    public FileLinter(ClassLoader pluginLoader) {
        this.pluginLoader = pluginLoader;
    }

    /** Cheap: whether the file's name allows it to be a migration or lifeguard.yml (the inspection runs on every file). */
    public static boolean mayBeMigration(Path file) {
        return WarmProject.mayBeMigration(file);
    }

    /** As {@link #lint(Path, Path, String, Runnable)}, never canceled. */
    public List<EditorProblem> lint(Path root, Path file, String text) {
        return lint(root, file, text, () -> {
        });
    }

    /**
     * @param root          the project root (see {@link ProjectRoots})
     * @param file          the file, absolute, inside the root
     * @param text          the file's current text in the editor
     * @param checkCanceled throws (IntelliJ's {@code ProgressManager.checkCanceled}) to abandon the check; the
     *                      exception comes out of this method as thrown
     * @return the problems to show in the file; none when it is not a migration
     */
    public List<EditorProblem> lint(Path root, Path file, String text, Runnable checkCanceled) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path relative = absoluteRoot.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..") || !mayBeMigration(file)) {
            return List.of();
        }
        if (ConfigLocator.isConfigFile(relative)) {
            return ConfigProblems.check(absoluteRoot, relative, text, rules);
        }
        ProjectModel model = models.computeIfAbsent(absoluteRoot, r -> new ProjectModel(r, rules, VERSION));
        return withContextLoader(pluginLoader, () -> {
            try {
                return model.lint(relative, text, checkCanceled)
                        .map(linted -> new ProblemMapper(relative, linted.source().text(), linted.pages())
                                .map(linted.findings()))
                        .orElse(List.of());
            } catch (LoadException e) {
                return List.of();
            }
        });
    }

    /**
     * A file or directory changed on disk (the IDE's file system events): every project that holds it forgets
     * what it kept of it; a lifeguard.yml is read again.
     */
    public void changed(Path absolute) {
        Path a = absolute.toAbsolutePath().normalize();
        models.forEach((root, model) -> {
            if (a.startsWith(root) || ConfigLocator.isConfigFile(a) && root.startsWith(a.getParent())) {
                model.changedLater(a);
            }
        });
    }

    /** The model of a project root, once one of its files was linted (tests). */
    ProjectModel model(Path root) {
        return models.get(root.toAbsolutePath().normalize());
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
