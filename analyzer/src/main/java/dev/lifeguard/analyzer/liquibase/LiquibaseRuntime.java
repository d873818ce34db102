package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.database.core.H2Database;
import liquibase.database.core.MSSQLDatabase;
import liquibase.database.core.MariaDBDatabase;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.core.OracleDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.datatype.DataTypeFactory;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Liquibase set up for reading only: quiet (it logs INFO to stderr by default), offline, no analytics, lax
 * about unknown change types (reported by us with a line instead of failing the whole file), and with a
 * database that is an OfflineConnection for SQL generation, created only when a change needs it.
 */
final class LiquibaseRuntime {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger LIQUIBASE_LOGGER = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOGGER.setLevel(Level.OFF);
    }

    private final ResourceAccessor accessor;
    private final Dialect dialect;
    private Database database;

    LiquibaseRuntime(ResourceAccessor accessor, Dialect dialect) {
        this.accessor = accessor;
        this.dialect = dialect;
    }

    ResourceAccessor accessor() {
        return accessor;
    }

    /** Runs the work inside a Liquibase scope limited to the project root. */
    <T> T inScope(Callable<T> work) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), accessor);
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.changelogParseMode", "LAX");
        scope.put("liquibase.analytics.enabled", false);
        scope.put("liquibase.secureParsing", true);
        scope.put("liquibase.validateXmlChangelogFiles", false);
        return Scope.child(scope, work::call);
    }

    /** The change type names Liquibase knows (createTable, sql...). */
    static Set<String> definedChanges() {
        return KnownChanges.NAMES;
    }

    /** Liquibase's short name for the dialect (generic SQL is generated as PostgreSQL, the default dialect). */
    String shortName() {
        return switch (dialect) {
            case POSTGRESQL, GENERIC -> "postgresql";
            case MYSQL -> "mysql";
            case MARIADB -> "mariadb";
            case ORACLE -> "oracle";
            case SQLSERVER -> "mssql";
            case H2 -> "h2";
        };
    }

    /** An offline database of the dialect: SqlGeneratorFactory writes SQL for it without a connection. */
    Database database() throws Exception {
        if (database == null) {
            Database db = newDatabase();
            db.setConnection(new OfflineConnection("offline:" + shortName(), accessor));
            database = db;
        }
        return database;
    }

    /**
     * The database class DatabaseFactory picks for an offline connection of {@link #shortName()}, made directly:
     * the factory first makes one of each of the ~30 databases Liquibase knows. LiquibaseRuntimeTest checks the
     * two agree.
     */
    Database newDatabase() {
        return switch (dialect) {
            case POSTGRESQL, GENERIC -> new PostgresDatabase();
            case MYSQL -> new MySQLDatabase();
            case MARIADB -> new MariaDBDatabase();
            case ORACLE -> new OracleDatabase();
            case SQLSERVER -> new MSSQLDatabase();
            case H2 -> new H2Database();
        };
    }

    /**
     * The dialect's own spelling of a Liquibase type ({@code datetime} is {@code timestamp} on PostgreSQL,
     * {@code BOOLEAN} is {@code bit(1)} on MySQL), so type rules compare what the database stores. A type
     * Liquibase cannot map stays as written.
     */
    String databaseType(String liquibaseType) {
        if (liquibaseType == null || liquibaseType.isBlank() || dialect == Dialect.GENERIC) {
            return liquibaseType;
        }
        try {
            Database db = database();
            String sql = DataTypeFactory.getInstance().fromDescription(liquibaseType, db).toDatabaseDataType(db).toSql();
            return sql == null || sql.isBlank() ? liquibaseType : sql.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        } catch (Exception | LinkageError e) {
            return liquibaseType;
        }
    }

    /**
     * ChangeLogParameters' list of environment variables and system properties, read through a method handle
     * (reflection's Field.get spins a class at run time to adapt the types); null for a Liquibase without it.
     */
    private static final MethodHandle SYSTEM_PARAMETERS = getter(ChangeLogParameters.class, "systemParameters", List.class);

    /**
     * Changelog parameters without the environment and system properties Liquibase adds by default: a
     * changelog from a pull request could otherwise write {@code ${AWS_SECRET_ACCESS_KEY}} into SQL that
     * ends up quoted in a public finding.
     */
    static ChangeLogParameters parameters() {
        ChangeLogParameters params = new ChangeLogParameters();
        if (SYSTEM_PARAMETERS != null) {
            try {
                ((List<?>) SYSTEM_PARAMETERS.invokeExact(params)).clear();
            } catch (RuntimeException e) {
                // not a list that can be cleared: a Liquibase that keeps them otherwise
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e); // a getter throws nothing checked
            }
        }
        return params;
    }

    /** A getter of a private field of a Liquibase class, of exactly that type; null when there is none. */
    static MethodHandle getter(Class<?> owner, String field, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findGetter(owner, field, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
