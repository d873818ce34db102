package dev.lifeguard.cli.lsp;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.config.ConfigException;
import dev.lifeguard.rules.editor.ProjectModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One project root as the language server sees it: the warm {@link ProjectModel} the IntelliJ plugin uses
 * too, which reads the whole root once to learn each migration file's history and keeps parsed migrations
 * and the code index between checks, forgetting them file by file as files change. The project's
 * lifeguard.yml applies as it does to {@code lifeguard lint}: dialect, exclude, rules, target-version,
 * start-after, code.
 */
final class ProjectSession {
    private final ProjectModel model;

    ProjectSession(Path root, List<Rule> rules) {
        this(root, rules, null);
    }

    ProjectSession(Path root, List<Rule> rules, String version) {
        this.model = new ProjectModel(root, rules, version);
    }

    Path root() {
        return model.root();
    }

    ProjectModel model() {
        return model;
    }

    /** Forgets everything kept: lifeguard.yml, which files are migrations, what they parsed to. */
    void invalidate() {
        model.forgetAll();
    }

    ProjectModel.Settings settings() {
        return model.settings();
    }

    /**
     * What is wrong with a lifeguard.yml's text as the editor holds it; empty when it reads fine.
     *
     * @param file root-relative
     */
    Optional<ConfigException> checkConfig(Path file, String text) {
        return model.checkConfig(file, text);
    }

    /** As {@link #lint(Path, String, Runnable)}, never canceled. */
    Optional<ProjectModel.Linted> lint(Path file, String text) throws LoadException {
        return lint(file, text, () -> {
        });
    }

    /**
     * Lints one file's text in its history; empty when the file is not a migration (by the same discovery
     * as {@code lifeguard lint}).
     *
     * @param file          root-relative
     * @param checkCanceled throws to abandon the lint (a newer version of the document arrived)
     */
    Optional<ProjectModel.Linted> lint(Path file, String text, Runnable checkCanceled) throws LoadException {
        return model.lint(file, text, checkCanceled);
    }
}
