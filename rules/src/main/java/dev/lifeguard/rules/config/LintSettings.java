package dev.lifeguard.rules.config;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.engine.EngineOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What lifeguard.yml means for linting one project: the one place where its settings become
 * {@link LoadOptions} and {@link EngineOptions}, so that {@code lifeguard lint}, the language server and the
 * IntelliJ plugin lint a project alike. The command line overrides the file where both speak.
 *
 * @param root          the project root, absolute
 * @param file          what lifeguard.yml says ({@link ProjectConfig#none()} without one)
 * @param dialect       the dialect to read SQL in, or null to detect it
 * @param targetVersion the version to judge for as written ({@code postgresql:11}, {@code 11}), or null for the default
 * @param excludes      globs, relative to the root, of files to leave out
 */
public record LintSettings(Path root, ProjectConfig file, Dialect dialect, String targetVersion, List<String> excludes) {

    public LintSettings {
        excludes = List.copyOf(excludes);
    }

    /** The file's settings alone. */
    public static LintSettings of(Path root, ProjectConfig file) {
        return new LintSettings(root, file, file.dialect(), file.targetVersion(), excludes(file, root));
    }

    /**
     * The settings of the nearest lifeguard.yml from {@code root} upwards, as {@code lifeguard lint} run in
     * the root finds it; an editor's project root stands for the working directory.
     *
     * @throws ConfigException when the file says something wrong
     */
    public static LintSettings find(Path root, List<Rule> rules) throws ConfigException {
        return of(root, ConfigLocator.load(null, root, ids(rules)));
    }

    /** The ids lifeguard.yml may name under {@code rules:}. */
    public static Set<String> ids(List<Rule> rules) {
        return rules.stream().map(r -> r.metadata().id()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * These settings with what the command line says: a dialect or target version given wins over the file's
     * (null keeps the file's), and more exclude globs are added to the file's.
     */
    public LintSettings override(Dialect givenDialect, String givenTargetVersion, List<String> moreExcludes) {
        List<String> all = new ArrayList<>(excludes);
        all.addAll(moreExcludes);
        return new LintSettings(root, file, givenDialect != null ? givenDialect : dialect,
                givenTargetVersion != null ? givenTargetVersion : targetVersion, all);
    }

    /**
     * What to read.
     *
     * @param paths   files, directories or globs to lint
     * @param code    application code directories, null for the default, empty for none
     * @param overlay text to read instead of the disk's, by root-relative path
     */
    public LoadOptions loadOptions(List<String> paths, List<String> code, Map<Path, String> overlay) {
        return new LoadOptions(root, paths, dialect, excludes, code, overlay)
                .withLiquibase(new LoadOptions.LiquibaseFilter(file.liquibaseContexts(), file.liquibaseLabelFilter()));
    }

    /**
     * Severities and disabled rules from the file, start-after, the deploy order, and the target version
     * resolved against the dialect linted (a bare {@code 11} is a version of that database).
     */
    public EngineOptions engineOptions(Dialect linted) {
        TargetVersion target = targetVersion == null ? null : TargetVersion.parse(targetVersion, linted).orElse(null);
        return new EngineOptions(file.severities(), file.disabled(), Set.of())
                .withTargetVersion(target)
                .withStartAfter(file.startAfter())
                .withLockTimeout(file.lockTimeout())
                .withDeploy(file.deploy());
    }

    /** The file's exclude globs, made relative to the project root (they are written relative to the file). */
    static List<String> excludes(ProjectConfig config, Path root) {
        if (config.exclude().isEmpty()) {
            return List.of();
        }
        Path dir = config.directory();
        String prefix = dir.startsWith(root) && !dir.equals(root)
                ? root.relativize(dir).toString().replace('\\', '/') + "/" : "";
        List<String> out = new ArrayList<>();
        config.exclude().forEach(g -> out.add(prefix + g));
        return out;
    }
}
