package dev.lifeguard.rules.editor;

import dev.lifeguard.analyzer.Checkpoint;
import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.warm.WarmProject;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RulePages;
import dev.lifeguard.rules.config.ConfigException;
import dev.lifeguard.rules.config.ConfigLocator;
import dev.lifeguard.rules.config.LintSettings;
import dev.lifeguard.rules.config.ProjectConfig;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One project as both editors see it (the language server and the IntelliJ plugin): its lifeguard.yml, and a
 * {@link WarmProject} that keeps parsed migrations and the code index between checks and forgets them file by
 * file. Checking the file being edited reads its history with the editor's text in place of the file, runs
 * the rules on that file's migrations (the others are replayed for the schema they leave), and keeps the
 * findings in that file, as {@code lifeguard lint} run in the root reports them.
 *
 * <p>Thread-safe; one check at a time per project.
 */
public final class ProjectModel {
    /**
     * What checking one file produced: its findings, the text they were found in, and where their rules' pages
     * are (lifeguard.yml's {@code docs-url:}, else {@code LIFEGUARD_DOCS_URL}, else Lifeguard's own).
     */
    public record Linted(Path file, SourceFile source, List<Finding> findings, Project project, RulePages pages) {
    }

    /**
     * lifeguard.yml as read, or what is wrong with it; a broken file leaves the defaults in force, since a
     * mistake in the settings must not silence the linter while the developer fixes it.
     */
    public record Settings(LintSettings lint, ConfigException problem) {
    }

    private final Path root;
    private final List<Rule> rules;
    private final WarmProject warm;
    private final String version;
    private final java.util.Queue<Path> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private Settings settings;
    /** The lifeguard.yml the settings came from and when it was modified (null: none was found). */
    private Path settingsFile;
    private FileTime settingsModified;

    /**
     * @param root  the project root (absolute)
     * @param rules the rules to run
     */
    public ProjectModel(Path root, List<Rule> rules) {
        this(root, rules, null);
    }

    /** @param version Lifeguard's version, whose rule pages the findings link by default (null: a development build) */
    public ProjectModel(Path root, List<Rule> rules, String version) {
        this.root = root.toAbsolutePath().normalize();
        this.rules = List.copyOf(rules);
        this.warm = new WarmProject(this.root);
        this.version = version;
    }

    public Path root() {
        return root;
    }

    /** The kept project (tests ask it what was read from the disk). */
    public WarmProject warm() {
        return warm;
    }

    /** The nearest lifeguard.yml from the root upwards, as {@code lifeguard lint} run in the root reads it. */
    public synchronized Settings settings() {
        if (settings != null && settingsChanged()) {
            // a lifeguard.yml created, edited or deleted since it was read (outside any editor event)
            settings = null;
            warm.forgetAll();
        }
        if (settings == null) {
            try {
                settings = new Settings(LintSettings.find(root, rules), null);
            } catch (ConfigException e) {
                settings = new Settings(LintSettings.of(root, ProjectConfig.none()), e);
            }
            settingsFile = ConfigLocator.find(root).orElse(null);
            settingsModified = modified(settingsFile);
        }
        return settings;
    }

    /**
     * What is wrong with a lifeguard.yml's text as the editor holds it; empty when it reads fine.
     *
     * @param file root-relative
     */
    public Optional<ConfigException> checkConfig(Path file, String text) {
        return ConfigLocator.check(root, file, text, LintSettings.ids(rules));
    }

    /**
     * Checks one file's text in its history; empty when the file is not a migration (by the same discovery as
     * {@code lifeguard lint}), which is decided without reading or parsing anything for a pom.xml.
     *
     * @param file          root-relative
     * @param checkCanceled called at points along the way; throws (any unchecked exception) to abandon the
     *                      check, which then ends with that exception and leaves nothing half-done in the caches
     */
    public Optional<Linted> lint(Path file, String text, Runnable checkCanceled) throws LoadException {
        if (!WarmProject.mayBeMigration(file) || ConfigLocator.isConfigFile(file)) {
            return Optional.empty();
        }
        drainChanges();
        LintSettings lint = settings().lint();
        Checkpoint checkpoint = new Checkpoint(checkCanceled);
        Optional<Project> loaded = warm.forFile(loadOptions(lint), file, text, checkpoint);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Project project = loaded.get();
        Set<Migration> focus = migrationsOf(project, file);
        LintResult result;
        try {
            result = new Engine(rules, lint.engineOptions(project.dialect().dialect()))
                    .lint(project, focus::contains, checkpoint::check);
        } finally {
            checkpoint.rethrow();
        }
        // a finding its lifeguard:ignore comment covers is not shown, as in every other report
        List<Finding> findings = result.findings().stream()
                .filter(f -> f.span().file().equals(file) && !f.isSuppressed()).toList();
        SourceFile source = project.source(file).orElseGet(() -> new SourceFile(file, text));
        RulePages pages = RulePages.choose(lint.file().docsUrl(), System.getenv(RulePages.ENVIRONMENT), version);
        return Optional.of(new Linted(file, source, findings, project, pages));
    }

    /**
     * Reads the whole project and its code index into the caches ahead of the first check (an editor opening
     * the project), then checks the newest migration of the longest history as it is on disk (the findings are
     * dropped), so that the rules' code is loaded and compiled too: the first file opened is checked warm.
     *
     * @param checkCanceled as for {@link #lint}
     */
    public void warmUp(Runnable checkCanceled) throws LoadException {
        drainChanges();
        LintSettings lint = settings().lint();
        Checkpoint checkpoint = new Checkpoint(checkCanceled);
        Project project;
        try {
            warm.warmUp(loadOptions(lint), checkpoint);
            project = warm.whole(loadOptions(lint), checkpoint);
        } finally {
            checkpoint.rethrow();
        }
        Optional<Path> newest = project.histories().stream()
                .max(java.util.Comparator.comparingInt((dev.lifeguard.analyzer.model.History h) -> h.migrations().size()))
                .filter(h -> !h.migrations().isEmpty())
                .map(h -> h.migrations().get(h.migrations().size() - 1).file());
        Optional<SourceFile> text = newest.flatMap(project::source);
        if (text.isPresent()) {
            lint(newest.get(), text.get().text(), checkCanceled);
        }
    }

    /** The whole project, read as {@code lifeguard lint} run in the root reads it (warming the caches). */
    public Project whole(Runnable checkCanceled) throws LoadException {
        return warm.whole(loadOptions(settings().lint()), new Checkpoint(checkCanceled));
    }

    /**
     * A file or directory changed on disk, was created or deleted (an editor's save, a file watcher's event):
     * what was kept for it is forgotten; a lifeguard.yml is read again.
     */
    public synchronized void changed(Path absolute) {
        Path a = absolute.toAbsolutePath().normalize();
        if (ConfigLocator.isConfigFile(a)) {
            settings = null;
            warm.forgetAll();
            return;
        }
        warm.changed(a);
    }

    /**
     * As {@link #changed}, without waiting for a check in progress: the change is taken into account when the
     * next check starts (an IDE reports file events on its UI thread, which must never wait for a lint).
     */
    public void changedLater(Path absolute) {
        pending.add(absolute.toAbsolutePath().normalize());
    }

    private void drainChanges() {
        for (Path p = pending.poll(); p != null; p = pending.poll()) {
            changed(p);
        }
    }

    /**
     * Looks at the disk for changes no editor event reported (a {@code git checkout}): changed files are
     * forgotten, a changed lifeguard.yml is read again.
     *
     * @return whether anything changed (the open files are worth checking again)
     */
    public synchronized boolean sweep() {
        drainChanges();
        boolean changed = !warm.sweep().isEmpty();
        if (settings != null && settingsChanged()) {
            settings = null;
            warm.forgetAll();
            changed = true;
        }
        return changed;
    }

    /** Forgets everything kept, settings included. */
    public synchronized void forgetAll() {
        settings = null;
        warm.forgetAll();
    }

    /**
     * Paths "." and the project's own code directories ({@code code:}), else those beside the migrations; as
     * {@code lifeguard lint} with no path, Lifeguard looks for the migrations itself (nothing is named, so SQL
     * that does not look like migrations is left alone) unless lifeguard.yml names them ({@code migrations:}).
     */
    public static LoadOptions loadOptions(LintSettings lint) {
        List<String> code = lint.file().code().isEmpty() ? null : lint.file().code();
        LoadOptions options = lint.loadOptions(List.of("."), code, Map.of());
        return lint.file().migrations().isEmpty() ? options.discovering() : options;
    }

    /** The migrations whose findings can land in the file: its own, and those whose SQL or reverse is in it. */
    static Set<Migration> migrationsOf(Project project, Path file) {
        Set<Migration> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        project.histories().forEach(h -> h.migrations().forEach(m -> {
            if (touches(m, file)) {
                out.add(m);
            }
        }));
        return out;
    }

    private static boolean touches(Migration m, Path file) {
        if (m.file().equals(file) || m.reverse().span() != null && m.reverse().span().file().equals(file)) {
            return true;
        }
        for (Operation op : m.operations()) {
            if (op.span().file().equals(file)) {
                return true;
            }
        }
        for (Operation op : m.reverse().operations()) {
            if (op.span().file().equals(file)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lifeguard.yml that applies is another file, or was modified, since the settings were read. */
    private boolean settingsChanged() {
        return !java.util.Objects.equals(ConfigLocator.find(root).orElse(null), settingsFile)
                || !java.util.Objects.equals(modified(settingsFile), settingsModified);
    }

    private static FileTime modified(Path file) {
        try {
            return file == null ? null : Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
