package dev.lifeguard.cli.lsp;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What lsp4j logs through {@code java.util.logging} (a message it could not parse, a response nobody asked
 * for, an exception in a handler), as one line on standard error each: an editor shows the server's stderr in
 * its log, and a stack trace there for a client's malformed message is noise that looks like a crash.
 */
final class ProtocolLog implements AutoCloseable {
    private static final String LSP4J = "org.eclipse.lsp4j";

    /** Held for as long as the server runs: java.util.logging keeps its loggers only weakly. */
    private final Logger logger = Logger.getLogger(LSP4J);
    private final Handler handler;
    private final Handler[] previousHandlers;
    private final boolean previousUseParent;

    private ProtocolLog(PrintStream err) {
        this.previousHandlers = logger.getHandlers();
        this.previousUseParent = logger.getUseParentHandlers();
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    err.println(line(record));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
            }
        };
    }

    /** Routes lsp4j's log to {@code err}, one line per record, until closed. */
    static ProtocolLog install(PrintStream err) {
        ProtocolLog log = new ProtocolLog(err);
        for (Handler h : log.previousHandlers) {
            log.logger.removeHandler(h);
        }
        log.logger.setUseParentHandlers(false);
        log.logger.addHandler(log.handler);
        return log;
    }

    /** {@code lifeguard lsp: <level>: <first line of the message>}, with the cause's first line when it adds one. */
    static String line(LogRecord record) {
        String message = firstLine(record.getMessage());
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            String cause = firstLine(describe(thrown));
            if (message.isEmpty() || message.equals(cause)) {
                message = cause;
            } else if (!message.contains(cause)) {
                message = message + " (" + cause + ")";
            }
        }
        return "lifeguard lsp: " + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }

    /** The innermost message of an exception chain, which names what was wrong rather than where. */
    static String describe(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        for (Handler h : previousHandlers) {
            logger.addHandler(h);
        }
        logger.setUseParentHandlers(previousUseParent);
    }
}
