package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.config.ConfigException;
import dev.lifeguard.rules.config.ConfigLocator;
import dev.lifeguard.rules.config.LintSettings;
import dev.lifeguard.rules.config.ProjectConfig;
import dev.lifeguard.rules.rehearsal.RehearsalRules;

import java.nio.file.Path;

/** Reads lifeguard.yml for the command line, whose mistakes exit with 2 (the merge is {@link LintSettings}). */
final class ProjectSettings {
    private static final String HINT = "see 'lifeguard.yml' in the README";

    private ProjectSettings() {
    }

    static ProjectConfig load(Path configFile, Path workingDirectory) throws UsageException {
        try {
            java.util.Set<String> ids = new java.util.HashSet<>(LintSettings.ids(BuiltinRules.all()));
            ids.addAll(RehearsalRules.IDS); // lifeguard.yml may configure verify's findings too
            return ConfigLocator.load(configFile, workingDirectory, ids);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage(), HINT);
        }
    }

    /** Checks the form of {@code --target-version}; which database a bare number is of is known only after loading. */
    static String checkVersion(String text) throws UsageException {
        if (TargetVersion.parse(text, Dialect.POSTGRESQL).isEmpty()) {
            throw new UsageException("--target-version: not a version: '" + text + "'",
                    "write 14, postgresql:14, mysql:8.0.11 or mariadb:10.6");
        }
        return text;
    }
}
