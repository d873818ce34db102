package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiquibaseRuntimeTest {
    @TempDir
    Path dir;

    /** The database made directly is the one DatabaseFactory finds for the same offline connection. */
    @Test
    void theDatabaseOfEveryDialectIsTheOneDatabaseFactoryPicks() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            LiquibaseRuntime runtime = new LiquibaseRuntime(new DirectoryResourceAccessor(dir.toFile()), dialect);
            Database expected = runtime.inScope(() -> DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new OfflineConnection("offline:" + runtime.shortName(), runtime.accessor())));
            Database made = runtime.inScope(runtime::database);
            assertEquals(expected.getClass(), made.getClass(), dialect.name());
            assertEquals(expected.getShortName(), made.getShortName(), dialect.name());
            assertEquals(runtime.shortName(), made.getShortName(), dialect.name());
        }
    }
}
