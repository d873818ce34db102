package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.code.CodeBaseLoader;
import dev.lifeguard.analyzer.discovery.FileSource;
import dev.lifeguard.analyzer.discovery.MigrationFiles;
import dev.lifeguard.analyzer.discovery.PathCollector;
import dev.lifeguard.analyzer.liquibase.ChangelogCache;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a long-lived caller (an editor keeping its project warm, {@code analyzer.warm.WarmProject}) lends the
 * loader so that a load reuses what has not changed since the last one: file texts, parsed SQL, loaded
 * changelogs, the dialect and the code base decided for the whole project. Every hook defaults to what a
 * command-line run does, which reads everything once; {@link #NONE} is that.
 */
public interface LoadCache {
    LoadCache NONE = new LoadCache() {
    };

    /** Where file texts and listings come from. */
    default FileSource files() {
        return FileSource.DISK;
    }

    /** What changelog files yielded before. */
    default ChangelogCache changelogs() {
        return ChangelogCache.NONE;
    }

    /** The operations of [start, end) of a file: parsed now, or remembered for the same text. */
    default List<Operation> parse(SqlParser parser, SourceFile file, int start, int end) {
        return parser.parse(file, start, end);
    }

    /**
     * The dialect decided for the whole project, when a load of part of it (one history) must read it the
     * same way; empty to decide it from the paths loaded.
     */
    default Optional<DialectChoice> dialect() {
        return Optional.empty();
    }

    /** The application code set up for the whole project; empty to set it up for this load. */
    default Optional<CodeBaseLoader.Result> code() {
        return Optional.empty();
    }

    /** A step of loading that may fail with a usage error. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws LoadException;
    }

    /** The files the given paths name (a directory walk): collected now, or remembered while nothing changed. */
    default PathCollector.Collected collect(List<String> paths, Step<PathCollector.Collected> collect)
            throws LoadException {
        return collect.run();
    }

    /**
     * A discovery step (which files are changelogs, the layout plan) that looks at files only through
     * {@code files}: computed now, or remembered while everything it looked at reads the same.
     *
     * @param key what, besides the files it looks at, the step's result depends on
     */
    default <T> T discover(Object key, MigrationFiles files, Function<MigrationFiles, T> step) {
        return step.apply(files);
    }

    /** The cancellation check of this load. */
    default Checkpoint checkpoint() {
        return Checkpoint.NONE;
    }
}
