package dev.lifeguard.analyzer;

/**
 * Where long work asks whether it should go on: an editor's check is abandoned as soon as the text it was
 * started for is stale (IntelliJ's {@code ProgressManager.checkCanceled}, a newer LSP document version). The
 * host's check throws to cancel; that exception is remembered, so that a loader which turns every failure
 * into a finding cannot mistake a cancellation for bad input: {@link #rethrow()} after the work throws it
 * again, and caches must not keep what a canceled run computed ({@link #isCanceled()}).
 */
public final class Checkpoint {
    /** Never cancels. */
    public static final Checkpoint NONE = new Checkpoint(() -> {
    });

    private final Runnable host;
    private volatile RuntimeException canceled;

    /** @param host throws (any unchecked exception) when the work is to stop */
    public Checkpoint(Runnable host) {
        this.host = host;
    }

    /** Throws when the work is canceled. */
    public void check() {
        RuntimeException c = canceled;
        if (c != null) {
            throw c;
        }
        try {
            host.run();
        } catch (RuntimeException e) {
            canceled = e;
            throw e;
        }
    }

    public boolean isCanceled() {
        return canceled != null;
    }

    /** Throws the host's cancellation again if the work was canceled, wherever it was caught meanwhile. */
    public void rethrow() {
        RuntimeException c = canceled;
        if (c != null) {
            throw c;
        }
    }
}
