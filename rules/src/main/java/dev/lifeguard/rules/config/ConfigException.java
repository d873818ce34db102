package dev.lifeguard.rules.config;

/**
 * A lifeguard.yml that cannot be used; the message names the file and line ({@code lifeguard.yml:7: ...}).
 * The parts are kept apart too, so that an editor can mark the line in the file itself.
 */
public final class ConfigException extends Exception {
    private final String file;
    private final int line;
    private final String reason;

    /**
     * @param file   how the file is named to the user ({@code lifeguard.yml}, {@code config/lifeguard.yml})
     * @param line   1-based, or 0 when the mistake is not on one line (the file is missing or unreadable)
     * @param reason what is wrong, without the file and line
     */
    public ConfigException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when not known. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
