package dev.lifeguard.cli.config;

/** A lifeguard.yml that cannot be used; the message names the file and line ({@code lifeguard.yml:7: ...}). */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
