package dev.lifeguard.cli.lsp;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lifeguard lsp} as its own process, talking over its real stdin/stdout, as an editor starts it. */
class LspSubprocessTest {
    @TempDir
    Path root;

    @Test
    void serverProcessPublishesDiagnosticsAndExitsCleanly() throws Exception {
        LspFixture.write(root);
        Process process = start(ProcessBuilder.Redirect.INHERIT);
        try {
            LspTestClient client = LspTestClient.connect(process.getInputStream(), process.getOutputStream());
            client.initialize(root);
            String uri = LspFixture.uri(root, LspFixture.V2);
            client.open(uri, "sql", LspFixture.V2_DANGEROUS);
            List<Diagnostic> diagnostics = client.next(uri).getDiagnostics();
            assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), LifeguardLanguageServerTest.codes(diagnostics));

            client.server.shutdown().get(30, TimeUnit.SECONDS);
            client.server.exit();
            assertEquals(true, process.waitFor(30, TimeUnit.SECONDS), "the server ends after exit");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    /** The LSP specification: "The server should exit with success code 0 if the shutdown request has been received before; otherwise with error code 1." */
    @Test
    void exitWithoutShutdownEndsWithCodeOne() throws Exception {
        Path stderr = root.resolve("stderr.txt");
        Process process = start(ProcessBuilder.Redirect.to(stderr.toFile()));
        try {
            OutputStream in = process.getOutputStream();
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server ends after exit");
            assertEquals(1, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Broken JSON, a message without Content-Length and a request with parameters of the wrong shape: each is
     * answered with a JSON-RPC error and logged in one line, never a stack trace; the server keeps serving
     * and still ends with 0 after shutdown and exit.
     */
    @Test
    void malformedInputGetsAnErrorAndOneLogLineNotAStackTrace() throws Exception {
        Path stderr = root.resolve("stderr.txt");
        Process process = start(ProcessBuilder.Redirect.to(stderr.toFile()));
        try {
            OutputStream in = process.getOutputStream();
            InputStream out = process.getInputStream();
            send(in, "{\"foo\": ]}");
            String first = receive(out);
            assertTrue(first.contains("\"id\":null") && first.contains("-32700"), first);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":[1,2]}");
            String second = receive(out);
            assertTrue(second.contains("\"id\":\"1\"") || second.contains("\"id\":1"), second);
            assertTrue(second.contains("\"error\""), second);
            in.write("garbage without headers\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            String third = receive(out);
            assertTrue(third.contains("-32700"), third);

            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            String shutdown = receive(out);
            assertTrue(shutdown.contains("\"id\":2") && shutdown.contains("\"result\""), shutdown);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server ends after exit");
            assertEquals(0, process.exitValue());

            String log = Files.readString(stderr);
            assertFalse(log.contains("\tat "), "no stack trace on stderr:\n" + log);
            assertFalse(log.contains("SEVERE"), "no java.util.logging record on stderr:\n" + log);
            List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.size() >= 2 && lines.stream().allMatch(l -> l.startsWith("lifeguard lsp: ")), log);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * {@code $/cancelRequest}: a hover queued behind the first lint (requests run on the lint worker, after the
     * lints queued before them) and canceled before its turn is answered with RequestCancelled (-32800) and
     * never runs; the server goes on serving.
     */
    @Test
    void aRequestCanceledBeforeItsTurnIsAnsweredRequestCancelled() throws Exception {
        LspFixture.write(root);
        for (int i = 3; i < 403; i++) {
            LspFixture.write(root, "db/migration/V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id bigint PRIMARY KEY);\n");
        }
        Process process = start(ProcessBuilder.Redirect.to(root.resolve("stderr.txt").toFile()));
        try {
            OutputStream in = process.getOutputStream();
            InputStream out = process.getInputStream();
            String folder = root.toUri().toString();
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{},"
                    + "\"workspaceFolders\":[{\"uri\":\"" + folder + "\",\"name\":\"p\"}]}}");
            assertTrue(until(out, "\"id\":1").contains("\"result\""));
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            String uri = LspFixture.uri(root, LspFixture.V2);
            String text = LspFixture.V2_DANGEROUS.replace("\n", "\\n");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                    + uri + "\",\"languageId\":\"sql\",\"version\":1,\"text\":\"" + text + "\"}}}");
            String hover = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"" + uri + "\"},\"position\":{\"line\":1,\"character\":10}}}";
            send(in, hover.formatted(7));
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":7}}");
            String canceled = until(out, "\"id\":7");
            assertTrue(canceled.contains("-32800"), canceled);

            send(in, hover.formatted(8));
            String answered = until(out, "\"id\":8");
            assertTrue(answered.contains("non-concurrent-index"), answered);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\"}");
            until(out, "\"id\":9");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server ends after exit");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    /** Messages from the server until the one containing {@code marker} (a response's id), which is returned. */
    private static String until(InputStream out, String marker) throws Exception {
        for (int i = 0; i < 100; i++) {
            String message = receive(out);
            if (message.contains(marker)) {
                return message;
            }
        }
        throw new AssertionError("no message with " + marker);
    }

    private Process start(ProcessBuilder.Redirect stderr) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", classpath, "dev.lifeguard.cli.Main", "lsp")
                .directory(root.toFile())
                .redirectError(stderr)
                .start();
    }

    private static void send(OutputStream in, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(body);
        in.flush();
    }

    /** One message from the server, read by its Content-Length header; fails after 30 s without one. */
    private static String receive(InputStream out) throws Exception {
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return reader.submit(() -> read(out)).get(30, TimeUnit.SECONDS);
        } finally {
            reader.shutdownNow();
        }
    }

    private static String read(InputStream out) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = out.read();
            if (b < 0) {
                throw new IOException("the server closed its output; header so far: " + header);
            }
            header.write(b);
        }
        String h = header.toString(StandardCharsets.US_ASCII);
        int length = Integer.parseInt(h.replaceAll("(?s).*Content-Length: *(\\d+).*", "$1"));
        return new String(out.readNBytes(length), StandardCharsets.UTF_8);
    }
}
