package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.editor.ProjectModel;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (run by bench/editor.sh, not a test): {@code lifeguard lsp} as its own process, driven by lsp4j's
 * client over stdin/stdout as an editor drives it. Prints the time from didOpen to the first diagnostics of a
 * migration opened right after {@code initialized} (the whole project read cold), from each didChange to the
 * diagnostics of that version, and from didOpen of pom.xml to its (empty) diagnostics; then, in a second
 * server, the time from its start to the end of the workspace read it begins on {@code initialized}, and the
 * first diagnostics of the migration opened after that; then the warm model's own cost, in this process.
 * One line per figure, in milliseconds: {@code name median p95 n cpu}, where cpu is the CPU time (all threads of
 * the process doing the work: the server's for the protocol figures, this JVM's for the model's) per operation,
 * which a busy machine inflates far less than wall time.
 *
 * <p>Usage: LspBenchmark LIFEGUARD_JAR PROJECT FILE [EDITS]
 */
public final class LspBenchmark {
    private LspBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path project = Path.of(args[1]).toAbsolutePath();
        Path relative = Path.of(args[2]);
        int edits = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        String text = Files.readString(project.resolve(relative));
        lsp(jar, project, relative, text, edits);
        lspOpenedAfterRead(jar, project, relative, text);
        model(project, relative, text, edits);
        System.exit(0);
    }

    private static void lsp(Path jar, Path project, Path relative, String text, int edits) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "lsp")
                .directory(project.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Client client = new Client();
            var launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(), server.getOutputStream());
            LanguageServer remote = launcher.getRemoteProxy();
            launcher.startListening();
            InitializeParams init = new InitializeParams();
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "project")));
            init.setCapabilities(new ClientCapabilities());
            remote.initialize(init).get(120, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());

            String uri = project.resolve(relative).toUri().toString();
            Cpu cpu = Cpu.of(server.pid());
            long start = System.nanoTime();
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "sql", 1, text)));
            PublishDiagnosticsParams first = client.await(uri, 1);
            report("lsp first diagnostics after didOpen (cold project)", new long[] {System.nanoTime() - start}, cpu.since(1));
            System.out.println("# first diagnostics: " + first.getDiagnostics().size());

            long[] relint = new long[edits];
            for (int i = 0; i < edits + 10; i++) {
                if (i == 10) {
                    cpu = Cpu.of(server.pid());
                }
                int version = i + 2;
                String edited = edit(relative, text, i);
                long s = System.nanoTime();
                remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(edited))));
                client.await(uri, version);
                if (i >= 10) {
                    relint[i - 10] = System.nanoTime() - s;
                }
            }
            report("lsp diagnostics after didChange (re-lint)", relint, cpu.since(edits));

            String pomUri = project.resolve("pom.xml").toUri().toString();
            String pom = Files.readString(project.resolve("pom.xml"));
            long[] poms = new long[50];
            for (int i = 0; i < poms.length + 10; i++) {
                if (i == 10) {
                    cpu = Cpu.of(server.pid());
                }
                long s = System.nanoTime();
                if (i == 0) {
                    remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(pomUri, "xml", 1, pom)));
                } else {
                    remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                            new VersionedTextDocumentIdentifier(pomUri, i + 1),
                            List.of(new TextDocumentContentChangeEvent(pom + "<!-- " + i + " -->\n"))));
                }
                client.await(pomUri, i + 1);
                if (i >= 10) {
                    poms[i - 10] = System.nanoTime() - s;
                }
            }
            report("lsp pom.xml round trip (JSON-RPC included)", poms, cpu.since(poms.length));
            remote.shutdown().get(30, TimeUnit.SECONDS);
            remote.exit();
        } finally {
            server.destroyForcibly();
        }
    }

    /**
     * A fresh server that has read the workspace (it does so on {@code initialized}) before the file is opened:
     * the time from the server's start to that read, and from didOpen to the first diagnostics after it.
     */
    private static void lspOpenedAfterRead(Path jar, Path project, Path relative, String text) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long start = System.nanoTime();
        Process server = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "lsp")
                .directory(project.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Cpu fromStart = Cpu.of(server.pid());
        try {
            Client client = new Client();
            var launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(), server.getOutputStream());
            LanguageServer remote = launcher.getRemoteProxy();
            launcher.startListening();
            InitializeParams init = new InitializeParams();
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "project")));
            init.setCapabilities(new ClientCapabilities());
            remote.initialize(init).get(120, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());
            client.awaitLog("lifeguard read ");
            report("lsp server start to workspace read (initialized)", new long[] {System.nanoTime() - start},
                    fromStart.since(1));
            String uri = project.resolve(relative).toUri().toString();
            Cpu cpu = Cpu.of(server.pid());
            long s = System.nanoTime();
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "sql", 1, text)));
            client.await(uri, 1);
            report("lsp first diagnostics, opened after the read", new long[] {System.nanoTime() - s}, cpu.since(1));
            remote.shutdown().get(30, TimeUnit.SECONDS);
            remote.exit();
        } finally {
            server.destroyForcibly();
        }
    }

    /** The warm model in this process: what a check costs without the protocol around it. */
    private static void model(Path project, Path relative, String text, int edits) throws Exception {
        ProjectModel model = new ProjectModel(project, BuiltinRules.all());
        Cpu cpu = Cpu.ofThisProcess();
        long start = System.nanoTime();
        model.lint(relative, text, () -> {
        });
        report("model first check (cold project, this JVM)", new long[] {System.nanoTime() - start}, cpu.since(1));
        long[] relint = new long[edits];
        for (int i = 0; i < edits + 10; i++) {
            if (i == 10) {
                cpu = Cpu.ofThisProcess();
            }
            String edited = edit(relative, text, i);
            long s = System.nanoTime();
            model.lint(relative, edited, () -> {
            });
            if (i >= 10) {
                relint[i - 10] = System.nanoTime() - s;
            }
        }
        report("model re-check of the edited file", relint, cpu.since(edits));
        String pom = Files.readString(project.resolve("pom.xml"));
        long[] poms = new long[10_000];
        for (int i = 0; i < poms.length + 1000; i++) {
            if (i == 1000) {
                cpu = Cpu.ofThisProcess();
            }
            long s = System.nanoTime();
            if (model.lint(Path.of("pom.xml"), pom, () -> {
            }).isPresent()) {
                throw new IllegalStateException("pom.xml was linted");
            }
            if (i >= 1000) {
                poms[i - 1000] = System.nanoTime() - s;
            }
        }
        report("model check of pom.xml", poms, cpu.since(poms.length));
    }

    static String edit(Path file, String text, int i) {
        if (file.toString().endsWith(".xml")) {
            return text.replace("</databaseChangeLog>", "<!-- edit " + i + " -->\n</databaseChangeLog>");
        }
        return text + "-- edit " + i + "\n";
    }

    /** @param cpuMillis CPU time per operation, in ms (NaN when it could not be read) */
    static void report(String name, long[] nanos, double cpuMillis) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] / 1e6;
        System.out.printf(java.util.Locale.ROOT, "%s\t%.3f\t%.3f\t%d\t%.3f%n", name, median, p95, sorted.length, cpuMillis);
    }

    /** CPU time (user and system, every thread) of a process since a start. */
    record Cpu(long pid, long startNanos) {
        static Cpu of(long pid) {
            return new Cpu(pid, nanos(pid));
        }

        static Cpu ofThisProcess() {
            return of(ProcessHandle.current().pid());
        }

        /** The CPU time since the start, per operation, in ms. */
        double since(int operations) {
            long now = nanos(pid);
            return now < 0 || startNanos < 0 ? Double.NaN : (now - startNanos) / 1e6 / operations;
        }

        /** From /proc (Linux): utime and stime, in clock ticks of 10 ms; -1 elsewhere. */
        private static long nanos(long pid) {
            if (pid == ProcessHandle.current().pid() && java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // fields 14 and 15, USER_HZ 100
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    /** Records the diagnostics the server publishes. */
    private static final class Client implements LanguageClient {
        private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

        /** The diagnostics of this version of the document (earlier ones are passed over). */
        PublishDiagnosticsParams await(String uri, int version) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline) {
                PublishDiagnosticsParams p = published.poll(1, TimeUnit.SECONDS);
                if (p != null && p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) {
                    return p;
                }
            }
            throw new IllegalStateException("no diagnostics for version " + version + " of " + uri);
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            published.add(params);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
            logged.add(params.getMessage());
        }

        private final BlockingQueue<String> logged = new LinkedBlockingQueue<>();

        /** Waits for a log message starting with {@code prefix}. */
        String awaitLog(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline) {
                String m = logged.poll(1, TimeUnit.SECONDS);
                if (m != null && m.startsWith(prefix)) {
                    return m;
                }
            }
            throw new IllegalStateException("no log message " + prefix);
        }
    }
}
