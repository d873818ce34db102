package dev.lifeguard.rules.config;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.engine.DeployOrder;
import dev.lifeguard.rules.engine.StartAfter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code lifeguard.yml} says. Paths and globs in it are relative to the directory the file is in
 * ({@link #directory()}); every field is empty / null when the file does not set it.
 *
 * @param file          the file read, or null when there is none
 * @param dialect       {@code dialect:}
 * @param targetVersion {@code target-version:} as written ({@code postgresql:11}, {@code 11})
 * @param migrations    {@code migrations:} paths or globs to lint when {@code lint} is given none
 * @param code          {@code code:} directories of application code (for rules that look for references)
 * @param severities    {@code rules:} severity per rule id
 * @param disabled      {@code rules:} ids turned off
 * @param exclude       {@code exclude:} globs of files to leave out
 * @param startAfter    {@code start-after:} (or {@code since:}): migrations up to it are deployed
 * @param docsUrl       {@code docs-url:} where findings link rule pages ({@code <docs-url>/<rule-id>.md}), or null
 * @param lockTimeout   {@code lock-timeout:} the lock_timeout the deployment sets for every migration's session
 *                      (in its connection or runner settings, which Lifeguard cannot see), or null
 * @param liquibaseContexts    {@code liquibase: contexts:}, the contexts an update runs with, as Liquibase's
 *                             {@code --contexts} (a comma-separated list); null: not set, every changeSet runs
 * @param liquibaseLabelFilter {@code liquibase: label-filter:}, as Liquibase's {@code --label-filter} (an
 *                             expression with {@code !}, {@code and}, {@code or}, parentheses); null: not set
 * @param deploy        {@code deploy:} how migrations and code are deployed; null when not set (the default,
 *                      {@link DeployOrder#MIGRATIONS_AT_STARTUP})
 */
public record ProjectConfig(Path file, Dialect dialect, String targetVersion, List<String> migrations, List<String> code,
                            Map<String, Severity> severities, Set<String> disabled, List<String> exclude,
                            StartAfter startAfter, String docsUrl, String lockTimeout, String liquibaseContexts,
                            String liquibaseLabelFilter, DeployOrder deploy) {

    public ProjectConfig {
        migrations = List.copyOf(migrations);
        code = List.copyOf(code);
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
        exclude = List.copyOf(exclude);
    }

    /** A file that does not say how it deploys. */
    public ProjectConfig(Path file, Dialect dialect, String targetVersion, List<String> migrations, List<String> code,
                         Map<String, Severity> severities, Set<String> disabled, List<String> exclude,
                         StartAfter startAfter, String docsUrl, String lockTimeout, String liquibaseContexts,
                         String liquibaseLabelFilter) {
        this(file, dialect, targetVersion, migrations, code, severities, disabled, exclude, startAfter, docsUrl,
                lockTimeout, liquibaseContexts, liquibaseLabelFilter, null);
    }

    /** A file that sets no Liquibase contexts or labels. */
    public ProjectConfig(Path file, Dialect dialect, String targetVersion, List<String> migrations, List<String> code,
                         Map<String, Severity> severities, Set<String> disabled, List<String> exclude,
                         StartAfter startAfter, String docsUrl, String lockTimeout, DeployOrder deploy) {
        this(file, dialect, targetVersion, migrations, code, severities, disabled, exclude, startAfter, docsUrl,
                lockTimeout, null, null, deploy);
    }

    /** Neither Liquibase contexts or labels nor a deploy order. */
    public ProjectConfig(Path file, Dialect dialect, String targetVersion, List<String> migrations, List<String> code,
                         Map<String, Severity> severities, Set<String> disabled, List<String> exclude,
                         StartAfter startAfter, String docsUrl, String lockTimeout) {
        this(file, dialect, targetVersion, migrations, code, severities, disabled, exclude, startAfter, docsUrl,
                lockTimeout, null, null, null);
    }

    /** Without the docs, deployment and Liquibase settings. */
    public ProjectConfig(Path file, Dialect dialect, String targetVersion, List<String> migrations, List<String> code,
                         Map<String, Severity> severities, Set<String> disabled, List<String> exclude,
                         StartAfter startAfter) {
        this(file, dialect, targetVersion, migrations, code, severities, disabled, exclude, startAfter, null, null);
    }

    /** No file: nothing configured. */
    public static ProjectConfig none() {
        return new ProjectConfig(null, null, null, List.of(), List.of(), Map.of(), Set.of(), List.of(), null);
    }

    /** The directory relative paths in the file are resolved against; null without a file. */
    public Path directory() {
        return file == null ? null : file.toAbsolutePath().getParent();
    }
}
