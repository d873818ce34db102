package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Dialect;

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
 * @param baseline         a baseline file whose findings are not reported, or null
 */
public record LintConfig(Path root, Path workingDirectory, List<String> paths, Dialect dialect, OutputFormat format,
                         Path output, FailOn failOn, List<String> excludes, Path baseline) {

    public LintConfig {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
    }

    public LintConfig(Path root, Path workingDirectory, List<String> paths, Dialect dialect, OutputFormat format,
                      Path output, FailOn failOn, List<String> excludes) {
        this(root, workingDirectory, paths, dialect, format, output, failOn, excludes, null);
    }
}
