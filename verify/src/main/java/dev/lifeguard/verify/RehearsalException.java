package dev.lifeguard.verify;

/** The rehearsal could not run at all (no database, a binary missing, a database that is not empty): one line for the user. */
public final class RehearsalException extends Exception {
    public RehearsalException(String message) {
        super(message);
    }

    public RehearsalException(String message, Throwable cause) {
        super(message, cause);
    }
}
