package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.GitChanges;
import dev.lifeguard.analyzer.change.GitException;
import dev.lifeguard.rules.engine.EngineOptions;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code --since REF} or {@code --staged} turn into: the change under review (from git) and, for
 * {@code --staged}, the staged text of the files it touches, read instead of the working tree. Without
 * either flag it changes nothing.
 */
record ChangeReview(Change change, Map<Path, String> overlay) {

    static ChangeReview of(LintConfig config) throws LoadException {
        if (config.since() == null && !config.staged()) {
            return new ChangeReview(null, Map.of());
        }
        try {
            GitChanges git = GitChanges.open(config.root());
            if (config.staged()) {
                GitChanges.Staged staged = git.staged();
                return new ChangeReview(staged.change(), staged.index());
            }
            return new ChangeReview(git.since(config.since()), Map.of());
        } catch (GitException e) {
            throw new LoadException(e.getMessage());
        }
    }

    LoadOptions loadOptions(LoadOptions options) {
        return overlay.isEmpty() ? options : new LoadOptions(options.root(), options.paths(), options.dialect(),
                options.excludes(), options.code(), overlay, options.discover(), options.liquibase());
    }

    EngineOptions engineOptions(EngineOptions options) {
        return change == null ? options : options.withChange(change);
    }
}
