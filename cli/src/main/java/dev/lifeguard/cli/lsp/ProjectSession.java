package dev.lifeguard.cli.lsp;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.config.ConfigException;
import dev.lifeguard.rules.config.ConfigLocator;
import dev.lifeguard.rules.config.LintSettings;
import dev.lifeguard.rules.config.ProjectConfig;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One project root as the language server sees it. Which files are migrations, and which history each
 * belongs to, is decided by the CLI's own discovery run over the whole root once (the index); re-linting an
 * open file then reads only its history (its directory, or its Liquibase root changelog), with the editor's
 * text in place of the file on disk, and keeps the findings in that file. The project's lifeguard.yml
 * applies as it does to {@code lifeguard lint}: dialect, exclude, rules, target-version, start-after.
 */
final class ProjectSession {
    /** What linting one open file produced: its findings and the text they were found in. */
    record Linted(Path file, SourceFile source, List<Finding> findings, Project project) {
    }

    /**
     * lifeguard.yml as read, or what is wrong with it; a broken file leaves the defaults in force, since a
     * mistake in the settings must not silence the linter while the developer fixes it.
     */
    record Settings(LintSettings lint, ConfigException problem) {
    }

    private final Path root;
    private final List<Rule> rules;
    private Settings settings;
    private Map<Path, Path> historyOfFile;
    private long indexedAt;

    ProjectSession(Path root, List<Rule> rules) {
        this.root = root;
        this.rules = List.copyOf(rules);
    }

    Path root() {
        return root;
    }

    /**
     * Forgets which files are migrations (a changelog's includes or the set of files may have changed) and
     * what lifeguard.yml says.
     */
    synchronized void invalidate() {
        historyOfFile = null;
        settings = null;
    }

    /** The nearest lifeguard.yml from the root upwards, as {@code lifeguard lint} run in the root reads it. */
    synchronized Settings settings() {
        if (settings == null) {
            try {
                settings = new Settings(LintSettings.find(root, rules), null);
            } catch (ConfigException e) {
                settings = new Settings(LintSettings.of(root, ProjectConfig.none()), e);
            }
        }
        return settings;
    }

    /**
     * What is wrong with a lifeguard.yml's text as the editor holds it; empty when it reads fine.
     *
     * @param file root-relative
     */
    Optional<ConfigException> checkConfig(Path file, String text) {
        return ConfigLocator.check(root, file, text, LintSettings.ids(rules));
    }

    /**
     * Lints one file's text in its history; empty when the file is not a migration (by the same discovery
     * as {@code lifeguard lint}).
     *
     * @param file root-relative
     */
    synchronized Optional<Linted> lint(Path file, String text) throws LoadException {
        Optional<Path> history = historyOf(file);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        String location = history.get().toString().isEmpty() ? "." : history.get().toString();
        LintSettings lint = settings().lint();
        // no code index on every keystroke: drops and renames against code are for lint and CI
        Project project = new ProjectLoader().load(lint.loadOptions(List.of(location), List.of(), Map.of(file, text)));
        LintResult result = new Engine(rules, lint.engineOptions(project.dialect().dialect())).lint(project);
        // a finding its lifeguard:ignore comment covers is not shown, as in every other report
        List<Finding> findings = result.findings().stream()
                .filter(f -> f.span().file().equals(file) && !f.isSuppressed()).toList();
        SourceFile source = project.source(file).orElseGet(() -> new SourceFile(file, text));
        return Optional.of(new Linted(file, source, findings, project));
    }

    private Optional<Path> historyOf(Path file) throws LoadException {
        if (historyOfFile == null || (!historyOfFile.containsKey(file) && changedSinceIndexed(file))) {
            index();
        }
        return Optional.ofNullable(historyOfFile.get(file));
    }

    private boolean changedSinceIndexed(Path file) {
        try {
            return Files.getLastModifiedTime(root.resolve(file)).toMillis() >= indexedAt;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the whole root once, as {@code lifeguard lint} would, to learn each migration file's history. */
    private void index() throws LoadException {
        indexedAt = System.currentTimeMillis();
        // lifeguard.yml's dialect and exclude: decide what is a migration here as they do for lint
        Project project = new ProjectLoader().load(settings().lint().loadOptions(List.of("."), null, Map.of()));
        Map<Path, Path> map = new HashMap<>();
        for (History history : project.histories()) {
            for (Migration migration : history.migrations()) {
                map.putIfAbsent(migration.file(), history.location());
                for (Operation op : migration.operations()) {
                    map.putIfAbsent(op.span().file(), history.location());
                }
            }
        }
        // a changelog with no changeSets yet, an included file that could not be read: still the project's
        for (Path source : project.sources().keySet()) {
            map.putIfAbsent(source, source);
        }
        // a file that fits no layout or cannot be read is reported where it stands: with its directory for SQL
        for (var problem : project.problems()) {
            Path file = problem.span().file();
            boolean sql = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
            Path parent = file.getParent() == null ? Path.of(".") : file.getParent();
            map.putIfAbsent(file, sql ? parent : file);
        }
        historyOfFile = map;
    }
}
