package dev.lifeguard.verify.postgres;

/**
 * A table that had rows when the change started: what the application is using while the migration runs.
 *
 * @param oid    pg_class oid
 * @param schema its schema
 * @param name   its name
 * @param rows   its rows when the change started
 */
public record TableRef(long oid, String schema, String name, long rows) {

    /** {@code orders}, or {@code billing.orders} outside public. */
    public String display() {
        return schema.equals("public") ? name : schema + "." + name;
    }

    /** The name quoted for SQL. */
    public String sql() {
        return quote(schema) + "." + quote(name);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
