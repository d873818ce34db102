package dev.lifeguard.cli;

/** A mistake in how the command was called: reported as one line on stderr with a hint, exit code 2. */
final class UsageException extends Exception {
    private final String hint;

    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What to try next, or null to point at the command's --help. */
    String hint() {
        return hint;
    }
}
