package dev.lifeguard.cli;

import dev.lifeguard.cli.lsp.LspServer;
import dev.lifeguard.rules.BuiltinRules;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code lifeguard lsp}: the language server, speaking LSP over standard input and output. */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run the language server over stdin/stdout (for editors: VS Code, Neovim, IntelliJ with LSP4IJ).",
                "Lints open migration files as they are edited; see docs/editors.md."})
final class LspCommand implements Callable<Integer> {
    private final Streams streams;

    LspCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        // Standard output carries the protocol only: whatever else prints there (a library's stray message)
        // goes to standard error instead of corrupting a message.
        PrintStream protocol = streams.out();
        System.setOut(streams.err());
        return LspServer.serve(BuiltinRules.all(), Version.current(), new FileInputStream(FileDescriptor.in), protocol,
                streams.err());
    }
}
