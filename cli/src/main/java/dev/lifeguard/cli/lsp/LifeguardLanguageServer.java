package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.Rule;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
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
    private volatile boolean watchFiles;
    private volatile LanguageClient client;

    /**
     * @param rules   the rules to run
     * @param version Lifeguard's version, reported to the client
     * @param onExit  what the {@code exit} notification does (stop listening, so the process ends)
     */
    public LifeguardLanguageServer(List<Rule> rules, String version, Runnable onExit) {
        this.workspace = new Workspace(rules, version);
        this.documents = new DocumentService(workspace);
        this.workspaceService = new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
                // no settings yet: lifeguard.yml is read with the project
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                List<Path> files = new ArrayList<>();
                for (FileEvent e : params.getChanges()) {
                    Workspace.path(e.getUri()).ifPresent(files::add);
                }
                documents.filesChanged(files);
            }
        };
        this.onExit = onExit;
        this.version = version;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        workspace.setFolders(folders(params));
        watchFiles = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
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

    /**
     * Asks a client that can watch files to report changes to migrations, code and lifeguard.yml; either way
     * the server also looks at the disk every few seconds for changes nobody reported (a git checkout).
     */
    @Override
    public void initialized(InitializedParams params) {
        documents.warmUp(workspace.folderSessions());
        documents.startSweeping();
        LanguageClient c = client;
        if (watchFiles && c != null) {
            FileSystemWatcher watcher = new FileSystemWatcher(
                    Either.forLeft("**/*.{sql,xml,yaml,yml,json,java,kt,properties}"));
            Registration registration = new Registration("lifeguard-watched-files", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(List.of(watcher)));
            c.registerCapability(new RegistrationParams(List.of(registration)));
        }
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
