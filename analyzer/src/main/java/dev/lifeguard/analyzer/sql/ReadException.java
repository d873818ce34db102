package dev.lifeguard.analyzer.sql;

/** A statement the token-level reader does not understand; the message becomes the Unparsed reason. */
final class ReadException extends Exception {
    ReadException(String message) {
        super(message, null, false, false);
    }
}
