package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.Rule;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the language server on a pair of streams until the client sends {@code exit} or closes its end. */
public final class LspServer {
    private LspServer() {
    }

    /**
     * Serves one client and returns when it is gone.
     *
     * @return 0 after an orderly end, 1 when the connection broke
     */
    public static int serve(List<Rule> rules, String version, InputStream in, OutputStream out) {
        AtomicReference<Future<Void>> listening = new AtomicReference<>();
        LifeguardLanguageServer server = new LifeguardLanguageServer(rules, version, () -> {
            Future<Void> f = listening.get();
            if (f != null) {
                f.cancel(true);
            }
        });
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        listening.set(launcher.startListening());
        try {
            listening.get().get();
            return 0;
        } catch (CancellationException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            return 1;
        }
    }
}
