package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.config.ProjectConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code lifeguard lint} was asked to do, with every path already resolved.
 *
 * @param root             the project root: nothing outside it is read, and reports name files relative to it
 * @param workingDirectory where the command runs: text output names files relative to it
 * @param paths            absolute files, directories or glob patterns to lint
 * @param dialect          the dialect to read SQL in, or null to detect it
 * @param format           the report format
 * @param output           the file to write the report to, or null for standard output
 * @param failOn           the least severity that fails the run
 * @param excludes         glob patterns, relative to the root, of files to leave out
 * @param code             absolute application code directories, or null for the src/main trees beside the migrations
 * @param since            review the change since the merge base with this git revision, or null
 * @param staged           review what is staged in git, linting the staged text
 * @param targetVersion    the database version to judge for as written ({@code postgresql:11}, {@code 11}), or
 *                         null for the oldest supported upstream; a bare number is of the dialect linted
 * @param settings         what lifeguard.yml says (already merged into the fields above where they overlap)
 * @param category         the SARIF run's category for code scanning, or null for the default
 * @param baseline         a baseline file whose findings are not reported, or null
 * @param discover         no PATH was given and lifeguard.yml names no migrations: {@code paths} are only where
 *                         to look, and only what looks like migrations there is linted
 */
public record LintConfig(Path root, Path workingDirectory, List<String> paths, Dialect dialect, OutputFormat format,
                         Path output, FailOn failOn, List<String> excludes, List<String> code, String since,
                         boolean staged, String targetVersion, ProjectConfig settings, String category,
                         Path baseline, boolean discover) {

    public LintConfig {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        code = code == null ? null : List.copyOf(code);
    }

    /** A configuration that lints the paths as named. */
    public LintConfig(Path root, Path workingDirectory, List<String> paths, Dialect dialect, OutputFormat format,
                      Path output, FailOn failOn, List<String> excludes, List<String> code, String since,
                      boolean staged, String targetVersion, ProjectConfig settings, String category,
                      Path baseline) {
        this(root, workingDirectory, paths, dialect, format, output, failOn, excludes, code, since, staged,
                targetVersion, settings, category, baseline, false);
    }

    /** A configuration with the default code directories. */
    public LintConfig(Path root, Path workingDirectory, List<String> paths, Dialect dialect, OutputFormat format,
                      Path output, FailOn failOn, List<String> excludes) {
        this(root, workingDirectory, paths, dialect, format, output, failOn, excludes, null, null, false, null,
                ProjectConfig.none(), null, null);
    }

    /** A configuration with the default code-scanning category, no lifeguard.yml and no baseline. */
    public LintConfig(Path root, Path workingDirectory, List<String> paths, Dialect dialect, OutputFormat format,
                      Path output, FailOn failOn, List<String> excludes, List<String> code, String since,
                      boolean staged) {
        this(root, workingDirectory, paths, dialect, format, output, failOn, excludes, code, since, staged, null,
                ProjectConfig.none(), null, null);
    }
}
