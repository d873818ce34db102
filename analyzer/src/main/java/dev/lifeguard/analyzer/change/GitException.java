package dev.lifeguard.analyzer.change;

/** Git could not answer: not a repository, an unknown revision, git missing or failing. The message is one line for the user. */
public final class GitException extends Exception {
    public GitException(String message) {
        super(message);
    }
}
