package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.RuleMetadata;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to run the rules.
 *
 * @param severities    per-rule severity overrides by id
 * @param disabled      rule ids not to run
 * @param newFiles      files new in the change under review (relative to the root): tables they create
 *                      are empty and unused in production, like tables created in the same migration
 * @param change        the change under review ({@code --since}, {@code --staged}), or null to lint everything:
 *                      with one, only findings in files it adds, modifies or renames are reported, and in
 *                      a Liquibase changelog it modified only those in changeSets it added or edited (every
 *                      migration is still replayed for context; see {@link ReviewScope}), and the
 *                      change-aware rules run
 * @param targetVersion the database version to judge for ({@code --target-version}), or null for the
 *                      oldest version still supported upstream ({@link TargetVersion#defaultFor})
 * @param startAfter    migrations at or before this point are already deployed: replayed for context but
 *                      not reported on; null to lint them all
 * @param lockTimeout   the lock_timeout the deployment sets for every migration, as lifeguard.yml's
 *                      {@code lock-timeout:} states it ({@code 5s}), or null when it says nothing
 * @param deploy        how the team deploys ({@code deploy:} in lifeguard.yml): whether the version being
 *                      deployed may meet the old schema; never null (default: migrations at start-up)
 */
public record EngineOptions(Map<String, Severity> severities, Set<String> disabled, Set<Path> newFiles,
                            Change change, TargetVersion targetVersion, StartAfter startAfter, String lockTimeout,
                            DeployOrder deploy) {

    public EngineOptions {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
        newFiles = Set.copyOf(newFiles);
        deploy = deploy == null ? DeployOrder.MIGRATIONS_AT_STARTUP : deploy;
    }

    public EngineOptions(Map<String, Severity> severities, Set<String> disabled, Set<Path> newFiles) {
        this(severities, disabled, newFiles, null, null, null, null, null);
    }

    public EngineOptions(Map<String, Severity> severities, Set<String> disabled, Set<Path> newFiles, Change change,
                         TargetVersion targetVersion, StartAfter startAfter) {
        this(severities, disabled, newFiles, change, targetVersion, startAfter, null, null);
    }

    public EngineOptions(Map<String, Severity> severities, Set<String> disabled, Set<Path> newFiles, Change change,
                         TargetVersion targetVersion, StartAfter startAfter, String lockTimeout) {
        this(severities, disabled, newFiles, change, targetVersion, startAfter, lockTimeout, null);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Map.of(), Set.of(), Set.of());
    }

    /** These options reviewing a change: the files it adds count as new, too. */
    public EngineOptions withChange(Change change) {
        Set<Path> added = new HashSet<>(newFiles);
        added.addAll(change.addedFiles());
        return new EngineOptions(severities, disabled, added, change, targetVersion, startAfter, lockTimeout, deploy);
    }

    /** The change under review, when there is one. */
    public Optional<Change> reviewed() {
        return Optional.ofNullable(change);
    }

    public EngineOptions withTargetVersion(TargetVersion target) {
        return new EngineOptions(severities, disabled, newFiles, change, target, startAfter, lockTimeout, deploy);
    }

    public EngineOptions withStartAfter(StartAfter point) {
        return new EngineOptions(severities, disabled, newFiles, change, targetVersion, point, lockTimeout, deploy);
    }

    /** These options with the lock_timeout the deployment states it sets (lifeguard.yml's lock-timeout:). */
    public EngineOptions withLockTimeout(String timeout) {
        return new EngineOptions(severities, disabled, newFiles, change, targetVersion, startAfter, timeout, deploy);
    }

    /** These options for a team that deploys this way (null: the default, migrations at start-up). */
    public EngineOptions withDeploy(DeployOrder order) {
        return new EngineOptions(severities, disabled, newFiles, change, targetVersion, startAfter, lockTimeout, order);
    }

    /**
     * The version to judge a migration running on {@code dialect} for: the target given when it names
     * that database, else that database's default (a MySQL changeSet in a PostgreSQL-targeted project).
     */
    public TargetVersion targetVersionFor(Dialect dialect) {
        return targetVersion != null && targetVersion.dialect() == dialect
                ? targetVersion : TargetVersion.defaultFor(dialect);
    }

    Severity severityOf(RuleMetadata rule) {
        return severities.getOrDefault(rule.id(), rule.severity());
    }
}
