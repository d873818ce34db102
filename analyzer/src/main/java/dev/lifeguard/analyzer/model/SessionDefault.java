package dev.lifeguard.analyzer.model;

/**
 * A database session setting the deployment applies outside the migrations, so that every migration runs
 * with it: Flyway's {@code initSql} / Spring's {@code spring.flyway.init-sqls}, a connection pool's init SQL,
 * a PostgreSQL JDBC URL's {@code options=-c name=value}.
 *
 * @param name  the setting, lower case ({@code lock_timeout})
 * @param value its value as written ({@code 5s}, {@code '2s'}, {@code 5000})
 * @param span  where it is set (a configuration file under the project root)
 * @param how   how it is set, for messages ({@code Flyway initSql (spring.flyway.init-sqls)})
 */
public record SessionDefault(String name, String value, SourceSpan span, String how) {

    /** Whether the value sets a limit: 0 (and DEFAULT) mean none. */
    public boolean isSet() {
        String v = value == null ? "" : value.replace("'", "").replace("\"", "").strip();
        return !v.isEmpty() && !v.matches("0+\\s*[a-zA-Z]*") && !v.equalsIgnoreCase("default");
    }
}
