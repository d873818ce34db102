package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.model.Project;

/**
 * Finds migrations under the given paths, detects each directory's layout (Flyway, golang-migrate,
 * dbmate, diesel, Prisma, plain SQL, Liquibase) and reads them into a {@link Project}.
 */
public final class ProjectLoader {

    /**
     * @throws LoadException for usage errors (a path that does not exist or lies outside the root); files
     *                       that cannot be read become {@link dev.lifeguard.analyzer.model.LoadProblem}s instead
     */
    public Project load(LoadOptions options) throws LoadException {
        throw new UnsupportedOperationException("not yet");
    }
}
