package dev.lifeguard.analyzer;

/** A usage error while loading (missing path, path outside the root): one clear line for the user. */
public final class LoadException extends Exception {
    public LoadException(String message) {
        super(message);
    }
}
