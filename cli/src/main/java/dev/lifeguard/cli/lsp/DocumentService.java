package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.editor.ProjectModel;
import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.rules.config.ConfigLocator;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Open documents and their findings. Linting runs on one worker thread, in order, so a slow first lint
 * (Liquibase warming up) never blocks the protocol; a lint that a newer edit has overtaken is skipped.
 * Hover and code actions answer from the findings of the latest lint.
 */
final class DocumentService implements TextDocumentService {
    /** How often the disk is compared with what the projects keep. */
    static final int SWEEP_SECONDS = 2;

    private record Open(String text, int version) {
    }

    private record Result(ProjectModel.Linted linted, int version) {
    }

    /** Thrown into a lint whose document has a newer version by now. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super("superseded by a newer version of the document", null, false, false);
        }
    }

    private final Workspace workspace;
    private final Diagnostics diagnostics;
    private final CodeActions codeActions;
    private final Hovers hovers;
    private final ConfigDiagnostics configs = new ConfigDiagnostics();
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lifeguard-lint");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lifeguard-sweep");
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;

    DocumentService(Workspace workspace) {
        this.workspace = workspace;
        this.diagnostics = new Diagnostics();
        this.codeActions = new CodeActions(diagnostics);
        this.hovers = new Hovers();
    }

    void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var doc = params.getTextDocument();
        open.put(doc.getUri(), new Open(doc.getText(), doc.getVersion()));
        lintLater(doc.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        if (changes.isEmpty()) {
            return;
        }
        // full synchronisation (announced in the capabilities): the last change carries the whole text
        open.put(uri, new Open(changes.get(changes.size() - 1).getText(), params.getTextDocument().getVersion()));
        lintLater(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (params.getText() != null && open.containsKey(uri)) {
            open.put(uri, new Open(params.getText(), open.get(uri).version()));
        }
        Optional<Path> saved = Workspace.path(uri);
        if (saved.isEmpty()) {
            return;
        }
        // the disk holds this text now: what was kept of the file is forgotten (a saved changelog may include
        // other files now, a new file may be a migration now); a saved lifeguard.yml applies to every open file
        filesChanged(List.of(saved.get()));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        open.remove(uri);
        results.remove(uri);
        publish(uri, List.of(), null);
    }

    // Requests run on the worker after the lints queued before them, so they answer from the latest text; a
    // request the client canceled ($/cancelRequest) before its turn does not run.
    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFutures.computeAsync(worker, cancel -> {
            cancel.checkCanceled();
            return current(params.getTextDocument().getUri())
                    .map(linted -> hovers.at(linted, params.getPosition())).orElse(null);
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return CompletableFutures.computeAsync(worker, cancel -> {
            cancel.checkCanceled();
            return current(uri).map(linted -> {
                var root = workspace.locate(uri).orElseThrow().session().root();
                return codeActions.forRange(linted, uri, params.getRange(), root).stream()
                        .map(Either::<Command, CodeAction>forRight).toList();
            }).orElse(List.of());
        });
    }

    /**
     * Files changed on disk (saved, or reported by the client's file watcher): what the projects kept of them
     * is forgotten, and the open files are linted again.
     *
     * @param files absolute paths
     */
    void filesChanged(List<Path> files) {
        if (!worker.isShutdown()) {
            worker.execute(() -> {
                for (Path file : files) {
                    for (ProjectSession session : workspace.sessions()) {
                        session.model().changed(file);
                    }
                }
                open.keySet().forEach(uri -> lint(uri, true));
            });
        }
    }

    /**
     * Looks at the disk for changes nobody reported (a git checkout with no file watcher in the client) and
     * lints the open files of a project where something changed. Runs on the worker, between lints.
     */
    void sweep() {
        if (!worker.isShutdown()) {
            worker.execute(() -> {
                for (ProjectSession session : workspace.sessions()) {
                    if (session.model().sweep()) {
                        open.keySet().stream().filter(uri -> workspace.locate(uri)
                                .filter(l -> l.session() == session).isPresent()).forEach(uri -> lint(uri, true));
                    }
                }
            });
        }
    }

    /**
     * Reads each project into its warm model as soon as the editor opens it, on the worker ahead of any lint,
     * so the first migration opened is checked from warm caches. Nothing is published: a project that cannot
     * be read is reported by the lint of the file opened in it.
     */
    void warmUp(List<ProjectSession> sessions) {
        for (ProjectSession session : sessions) {
            if (worker.isShutdown()) {
                return;
            }
            worker.execute(() -> {
                long start = System.nanoTime();
                try {
                    session.model().warmUp(() -> {
                        if (worker.isShutdown()) {
                            throw new Superseded(); // shutting down: stop reading
                        }
                    });
                    log(MessageType.Log, "lifeguard read " + session.root() + " in "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
                } catch (Superseded e) {
                    return;
                } catch (LoadException | RuntimeException e) {
                    log(MessageType.Log, "lifeguard could not read " + session.root() + " ahead of a lint: " + e.getMessage());
                }
            });
        }
    }

    /** Looks at the disk every {@link #SWEEP_SECONDS} s (see {@link #sweep()}). */
    void startSweeping() {
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops the worker; a lint in progress finishes, nothing new starts. */
    void shutdown() {
        sweeper.shutdownNow();
        worker.shutdown();
    }

    // Runs on the worker after every queued lint, so it sees the findings of the latest text.
    private Optional<ProjectModel.Linted> current(String uri) {
        Result result = results.get(uri);
        return Optional.ofNullable(result).map(Result::linted);
    }

    private void lintLater(String uri) {
        lintLater(uri, false);
    }

    /** @param again lint even a text linted already: the files around it, or lifeguard.yml, changed */
    private void lintLater(String uri, boolean again) {
        if (!worker.isShutdown()) {
            worker.execute(() -> lint(uri, again));
        }
    }

    private void lint(String uri, boolean again) {
        Open doc = open.get(uri);
        if (doc == null) {
            return;
        }
        Result done = results.get(uri);
        if (!again && done != null && done.version() == doc.version() && done.linted().source().text().equals(doc.text())) {
            return; // this text was linted already (an edit queued twice, a save without changes)
        }
        Optional<Workspace.Located> located = workspace.locate(uri);
        if (located.isEmpty()) {
            return;
        }
        ProjectSession session = located.get().session();
        if (ConfigLocator.isConfigFile(located.get().file())) {
            Path file = located.get().file();
            publish(uri, ConfigDiagnostics.of(session.checkConfig(file, doc.text()), file, doc.text()), doc.version());
            return;
        }
        try {
            Optional<ProjectModel.Linted> linted = session.lint(located.get().file(), doc.text(), () -> {
                Open now = open.get(uri);
                if (now == null || now.version() != doc.version()) {
                    throw new Superseded(); // a newer text is queued: this result would be stale
                }
            });
            if (linted.isEmpty()) {
                results.remove(uri);
                publish(uri, List.of(), doc.version());
                return;
            }
            results.put(uri, new Result(linted.get(), doc.version()));
            publish(uri, diagnostics.of(linted.get(), located.get().session().root()), doc.version());
        } catch (Superseded e) {
            return;
        } catch (LoadException | RuntimeException e) {
            // never take the server down over one file: tell the user, keep serving the others
            log(MessageType.Error, "lifeguard could not lint " + uri + ": " + e.getMessage());
        } finally {
            reportConfig(session);
        }
    }

    /** A broken lifeguard.yml: marked in the file, and said once (linting goes on with the defaults). */
    private void reportConfig(ProjectSession session) {
        LanguageClient c = client;
        configs.message(session).ifPresent(message -> {
            if (c != null) {
                c.showMessage(new MessageParams(MessageType.Warning, message));
            }
        });
        for (ConfigDiagnostics.Publication p : configs.onDisk(session, open.keySet())) {
            publish(p.uri(), p.diagnostics(), null);
        }
    }

    private void publish(String uri, List<Diagnostic> list, Integer version) {
        LanguageClient c = client;
        if (c != null) {
            PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, list);
            p.setVersion(version);
            c.publishDiagnostics(p);
        }
    }

    private void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }
}
