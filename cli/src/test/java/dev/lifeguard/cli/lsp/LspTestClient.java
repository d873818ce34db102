package dev.lifeguard.cli.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An LSP client on lsp4j's client launcher: records what the server publishes, so tests can wait for it. */
final class LspTestClient implements LanguageClient {
    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    LanguageServer server;

    /** Connects to a server on the given streams and starts listening. */
    static LspTestClient connect(InputStream fromServer, OutputStream toServer) {
        LspTestClient client = new LspTestClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, fromServer, toServer);
        client.server = launcher.getRemoteProxy();
        launcher.startListening();
        return client;
    }

    void initialize(Path root) throws Exception {
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "project")));
        params.setCapabilities(new ClientCapabilities());
        server.initialize(params).get(30, TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
    }

    void open(String uri, String languageId, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    }

    /** The next diagnostics published for the uri (others are passed over). */
    PublishDiagnosticsParams next(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = diagnostics.poll(1, TimeUnit.SECONDS);
            if (p != null && p.getUri().equals(uri)) {
                return p;
            }
        }
        throw new AssertionError("no diagnostics published for " + uri + "; server log: " + log);
    }

    /** Waits for a message (window/logMessage or showMessage) starting with {@code prefix}. */
    String awaitLog(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (log) {
                for (String m : log) {
                    if (m.startsWith(prefix)) {
                        return m;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message starting with '" + prefix + "'; server log: " + log);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams params) {
        log.add(params.getMessage());
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
        log.add(params.getMessage());
    }
}
