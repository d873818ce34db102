package dev.lifeguard.cli.lsp;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code lifeguard lsp} as its own process, talking over its real stdin/stdout, as an editor starts it. */
class LspSubprocessTest {
    @TempDir
    Path root;

    @Test
    void serverProcessPublishesDiagnosticsAndExitsCleanly() throws Exception {
        LspFixture.write(root);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", classpath, "dev.lifeguard.cli.Main", "lsp")
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
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

}
