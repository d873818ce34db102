package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.Rule;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lifeguard as a language server: diagnostics for migration files as they are edited, quick fixes (the
 * rule's rewrite, a suppression comment) and the rule's help on hover. Documents are synchronised in full:
 * migrations are small, and full texts keep the server free of incremental-edit bookkeeping.
 */
public final class LifeguardLanguageServer implements LanguageServer, LanguageClientAware {
    private final Workspace workspace;
    private final DocumentService documents;
    private final WorkspaceService workspaceService;
    private final Runnable onExit;
    private final String version;
    private volatile boolean shutdownRequested;

    /**
     * @param rules   the rules to run
     * @param version Lifeguard's version, reported to the client
     * @param onExit  what the {@code exit} notification does (stop listening, so the process ends)
     */
    public LifeguardLanguageServer(List<Rule> rules, String version, Runnable onExit) {
        this.workspace = new Workspace(rules);
        this.documents = new DocumentService(workspace, RuleLinks.forInstallation());
        this.workspaceService = new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
                // no settings yet: lifeguard.yml is read with the project
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                documents.filesChanged();
            }
        };
        this.onExit = onExit;
        this.version = version;
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        workspace.setFolders(folders(params));
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(sync);
        capabilities.setHoverProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("lifeguard", version)));
    }

    @SuppressWarnings("deprecation") // rootUri and rootPath: older clients (Neovim 0.7) send only these
    private static List<Path> folders(InitializeParams params) {
        List<Path> roots = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                Workspace.path(f.getUri()).ifPresent(roots::add);
            }
        }
        if (roots.isEmpty() && params.getRootUri() != null) {
            Workspace.path(params.getRootUri()).ifPresent(roots::add);
        }
        if (roots.isEmpty() && params.getRootPath() != null) {
            roots.add(Path.of(params.getRootPath()));
        }
        return roots;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        documents.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    /** Whether the client asked for {@code shutdown}: the exit code of {@code exit} depends on it. */
    boolean shutdownRequested() {
        return shutdownRequested;
    }

    /** Stops the lint worker when the connection ends without {@code shutdown}. */
    void stop() {
        documents.shutdown();
    }

    @Override
    public void exit() {
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }
}
