package dev.lifeguard.verify;

import dev.lifeguard.rules.engine.EngineOptions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to rehearse.
 *
 * @param engine        severities, disabled rules, the change under review, start-after: as for lint
 * @param rows          synthetic rows per table
 * @param seedFile      SQL that fills the tables instead of synthetic rows, or null
 * @param databaseUrl   a PostgreSQL JDBC URL to rehearse on instead of an embedded server, or null
 * @param allowNonEmpty the name of a non-empty database the user allows, or null
 * @param postgresMajor the embedded server's major version
 * @param timeout       the longest the rehearsal may take
 */
public record VerifyOptions(EngineOptions engine, int rows, Path seedFile, String databaseUrl, String allowNonEmpty,
                            int postgresMajor, Duration timeout) {

    public static final int DEFAULT_ROWS = 300;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public static VerifyOptions defaults(EngineOptions engine) {
        return new VerifyOptions(engine, DEFAULT_ROWS, null, null, null, 15, DEFAULT_TIMEOUT);
    }
}
