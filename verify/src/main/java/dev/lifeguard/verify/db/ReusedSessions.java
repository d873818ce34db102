package dev.lifeguard.verify.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * Lifeguard's own sessions on a rehearsal database (catalog reads, lock probes, the watch on a statement), kept open
 * for the next use instead of closed: every new PostgreSQL session is a new server process, and a rehearsal asks for
 * a dozen per migration. A session given back is left as new: its open transaction rolled back, autocommit on, its
 * settings reset ({@code RESET ALL}: a probe's lock_timeout does not follow it). Never for the migration tools' own
 * sessions, whose state is theirs. {@link #close()} closes the sessions kept.
 */
public final class ReusedSessions implements DataSource, AutoCloseable {
    private final DataSource db;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    public ReusedSessions(DataSource db) {
        this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection session;
        synchronized (this) {
            session = idle.pollFirst();
        }
        if (session == null || session.isClosed()) {
            session = db.getConnection();
        }
        return lend(session);
    }

    private Connection lend(Connection session) {
        boolean[] returned = new boolean[1];
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(session);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned[0] || session.isClosed();
                        }
                        case "unwrap", "isWrapperFor", "equals", "hashCode", "toString" -> {
                            // fall through to the session
                        }
                        default -> {
                            if (returned[0]) {
                                throw new SQLException("this session was given back");
                            }
                        }
                    }
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection session) {
        try {
            if (session.isClosed()) {
                return;
            }
            if (!session.getAutoCommit()) {
                session.rollback();
                session.setAutoCommit(true);
            }
            if (session.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
                session.unwrap(org.mariadb.jdbc.Connection.class).reset(); // MariaDB: COM_RESET_CONNECTION
            } else {
                try (Statement s = session.createStatement()) {
                    s.execute("RESET ALL");
                }
            }
            synchronized (this) {
                if (!closed) {
                    idle.addLast(session);
                    return;
                }
            }
        } catch (SQLException e) {
            // a session in trouble is not kept
        }
        quietlyClose(session);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        Connection c;
        while (true) {
            synchronized (this) {
                c = idle.pollFirst();
            }
            if (c == null) {
                return;
            }
            quietlyClose(c);
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the database goes away after the rehearsal anyway
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("sessions of the rehearsal's own user only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return db.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        db.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        db.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return db.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return db.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return db.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return db.isWrapperFor(iface);
    }
}
