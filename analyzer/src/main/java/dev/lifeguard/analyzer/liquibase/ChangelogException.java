package dev.lifeguard.analyzer.liquibase;

/** A changelog file that cannot be read; {@code line} is 1-based, 0 when unknown. */
final class ChangelogException extends Exception {
    private final int line;

    ChangelogException(String message, int line) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
