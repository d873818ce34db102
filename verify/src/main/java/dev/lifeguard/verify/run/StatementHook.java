package dev.lifeguard.verify.run;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Lets Lifeguard see every SQL statement a runner (Flyway, Liquibase) sends, on the runner's own connection and
 * inside its transaction: the DataSource and Connection handed to the runner are proxies, and every
 * {@code Statement.execute*(String)} goes through {@link Hook#execute} while a migration is being observed.
 * Everything else reaches the driver untouched.
 */
final class StatementHook {

    /** Called for each plain statement the runner executes. */
    interface Hook {
        /** Runs {@code call} (the runner's statement) and returns its result; may measure around it. */
        Object execute(Connection connection, String sql, SqlCall call) throws SQLException;
    }

    @FunctionalInterface
    interface SqlCall {
        Object run() throws SQLException;
    }

    private volatile Hook hook;

    void set(Hook hook) {
        this.hook = hook;
    }

    DataSource wrap(DataSource db) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(db, method, args);
                    return result instanceof Connection c && method.getName().equals("getConnection") ? wrap(c) : result;
                });
    }

    Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement s && method.getName().equals("createStatement")) {
                        return wrap(connection, s);
                    }
                    return result;
                });
    }

    private Statement wrap(Connection connection, Statement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            Hook h = hook;
            if (h != null && method.getName().startsWith("execute") && args != null && args.length >= 1 && args[0] instanceof String sql) {
                return h.execute(connection, sql, () -> {
                    try {
                        return invoke(statement, method, args);
                    } catch (SQLException e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new SQLException(t);
                    }
                });
            }
            return invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
