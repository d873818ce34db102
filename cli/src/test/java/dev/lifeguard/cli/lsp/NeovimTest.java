package dev.lifeguard.cli.lsp;

import dev.lifeguard.cli.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Neovim, headless, with the Lua snippet of docs/editors.md as its configuration, opens a dangerous
 * migration of a fixture project; a few lines of Lua write the diagnostics it received to a file. Skipped
 * where Neovim is not installed, except under CI, where .ci/run installs it.
 */
class NeovimTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- neovim-snippet:start -->\\s*```lua\\n(.*?)```\\s*<!-- neovim-snippet:end -->", Pattern.DOTALL);

    /** Runs after the snippet: waits for the diagnostics, writes one line per diagnostic, quits. */
    private static final String REPORT = """
            local out = os.getenv("LIFEGUARD_NVIM_OUT")
            local got = vim.wait(120000, function() return #vim.diagnostic.get(0) > 0 end, 100)
            local lines = {}
            if not got then table.insert(lines, "timeout") end
            for _, d in ipairs(vim.diagnostic.get(0)) do
              local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
              table.insert(lines, string.format("%s %d:%d-%d:%d %s", code, d.lnum, d.col, d.end_lnum, d.end_col, d.source or ""))
            end
            table.sort(lines)
            vim.fn.writefile(lines, out)
            vim.cmd("qa!")
            """;

    @TempDir
    Path dir;

    @Test
    void neovimReceivesTheDiagnostics() throws Exception {
        if (!onPath("nvim")) {
            if ("true".equals(System.getenv("CI"))) {
                fail("nvim is not installed: .ci/run installs Debian's neovim");
            }
            assumeTrue(false, "nvim is not installed");
        }
        Path project = LspFixture.write(Files.createDirectories(dir.resolve("project")));
        Path bin = launcher(Files.createDirectories(dir.resolve("bin")));
        Path init = dir.resolve("init.lua");
        Files.writeString(init, "vim.cmd('filetype on')\n" + snippet());
        Path report = dir.resolve("report.lua");
        Files.writeString(report, REPORT);
        Path out = dir.resolve("diagnostics.txt");

        ProcessBuilder pb = new ProcessBuilder("nvim", "--headless", "-n", "-i", "NONE", "-u", init.toString(),
                LspFixture.V2, "-c", "luafile " + report)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nvim.log").toFile());
        pb.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("LIFEGUARD_NVIM_OUT", out.toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process nvim = pb.start();
        if (!nvim.waitFor(180, TimeUnit.SECONDS)) {
            nvim.destroyForcibly();
            fail("nvim did not finish; its output: " + Files.readString(dir.resolve("nvim.log")));
        }
        assertTrue(Files.exists(out), "no report written; nvim said: " + Files.readString(dir.resolve("nvim.log")));
        // 0-based lines and columns, as the server published them
        assertEquals(List.of("missing-lock-timeout 1:0-1:43 lifeguard", "non-concurrent-index 1:0-1:43 lifeguard"),
                Files.readAllLines(out));
    }

    /** The Neovim configuration users copy from docs/editors.md, exactly. */
    static String snippet() throws IOException {
        Matcher m = SNIPPET.matcher(Files.readString(RepositoryFiles.root().resolve("docs/editors.md")));
        assertTrue(m.find(), "docs/editors.md has the Neovim snippet between neovim-snippet markers");
        return m.group(1);
    }

    /** A {@code lifeguard} command on the PATH that runs this build's classes. */
    private static Path launcher(Path bin) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = bin.resolve("lifeguard");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + classpath + "' dev.lifeguard.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
