package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.cli.config.ConfigException;
import dev.lifeguard.cli.config.ConfigLocator;
import dev.lifeguard.cli.config.ProjectConfig;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.engine.EngineOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Joins lifeguard.yml with the command line: the command line wins where both speak. */
final class ProjectSettings {
    private static final String HINT = "see 'lifeguard.yml' in the README";

    private ProjectSettings() {
    }

    static ProjectConfig load(Path configFile, Path workingDirectory) throws UsageException {
        Set<String> ids = BuiltinRules.all().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        try {
            return ConfigLocator.load(configFile, workingDirectory, ids);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage(), HINT);
        }
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

    /** Checks the form of {@code --target-version}; which database a bare number is of is known only after loading. */
    static String checkVersion(String text) throws UsageException {
        if (TargetVersion.parse(text, Dialect.POSTGRESQL).isEmpty()) {
            throw new UsageException("--target-version: not a version: '" + text + "'",
                    "write 14, postgresql:14, mysql:8.0.11 or mariadb:10.6");
        }
        return text;
    }

    /** Severities and disabled rules from the file, the target version resolved against the dialect linted. */
    static EngineOptions engineOptions(LintConfig config, DialectChoice dialect) {
        ProjectConfig file = config.settings();
        TargetVersion target = config.targetVersion() == null ? null
                : TargetVersion.parse(config.targetVersion(), dialect.dialect()).orElse(null);
        return new EngineOptions(file.severities(), file.disabled(), Set.of())
                .withTargetVersion(target)
                .withStartAfter(file.startAfter());
    }
}
