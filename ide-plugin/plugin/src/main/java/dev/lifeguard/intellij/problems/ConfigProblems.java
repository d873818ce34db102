package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.config.ConfigLocator;
import dev.lifeguard.rules.config.LintSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * lifeguard.yml in the editor. A mistake in it is shown once, on its line in lifeguard.yml itself, as
 * {@code lifeguard lint} words it; meanwhile the migrations are linted with the defaults, since a broken
 * settings file must not silence the linter (and one problem in every migration would only be noise).
 */
final class ConfigProblems {
    private ConfigProblems() {
    }

    /**
     * The mistake in a lifeguard.yml's text as the editor holds it; none when it reads fine.
     *
     * @param file root-relative
     */
    static List<EditorProblem> check(Path root, Path file, String text, List<Rule> rules) {
        return ConfigLocator.check(root, file, text, LintSettings.ids(rules)).map(e -> {
            int[] range = new ProblemMapper(file, text).range(SourceSpan.ofLine(file, Math.max(1, e.line())));
            return List.of(new EditorProblem(range[0], range[1], e.getMessage(), Highlight.ERROR, null, null, null, null));
        }).orElse(List.of());
    }
}
