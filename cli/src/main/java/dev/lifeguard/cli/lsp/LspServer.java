package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.Rule;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Runs the language server on a pair of streams until the client sends {@code exit} or closes its end. */
public final class LspServer {
    private LspServer() {
    }

    /** As {@link #serve(List, String, InputStream, OutputStream, PrintStream)}, logging to {@code System.err}. */
    public static int serve(List<Rule> rules, String version, InputStream in, OutputStream out) {
        return serve(rules, version, in, out, System.err);
    }

    /**
     * Serves one client and returns when it is gone.
     *
     * @param log where the server's own log lines go (an editor shows the server's stderr in its log)
     * @return as the LSP specification asks: 0 after {@code shutdown} then {@code exit}, 1 after {@code exit}
     *         without {@code shutdown}; 1 too when the client went away without either
     */
    public static int serve(List<Rule> rules, String version, InputStream in, OutputStream out, PrintStream log) {
        // ends on exit (which may arrive before startListening has even returned) or when the input ends
        CompletableFuture<Void> ended = new CompletableFuture<>();
        LifeguardLanguageServer server = new LifeguardLanguageServer(rules, version, () -> ended.complete(null));
        try (ProtocolLog ignored = ProtocolLog.install(log)) {
            Launcher<LanguageClient> launcher = new ServerLauncher(server, in, out, log).create();
            server.connect(launcher.getRemoteProxy());
            Future<Void> listening = launcher.startListening();
            Thread watcher = new Thread(() -> {
                try {
                    listening.get();
                } catch (ExecutionException e) {
                    log.println("lifeguard lsp: error: the connection broke: " + ProtocolLog.firstLine(ProtocolLog.describe(e)));
                } catch (InterruptedException | CancellationException e) {
                    // exit came first
                }
                ended.complete(null);
            }, "lifeguard-lsp-input");
            watcher.setDaemon(true);
            watcher.start();
            try {
                ended.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // never completed exceptionally
            }
            listening.cancel(true);
            return server.shutdownRequested() ? 0 : 1;
        } finally {
            server.stop();
        }
    }
}
