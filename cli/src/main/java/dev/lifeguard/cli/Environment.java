package dev.lifeguard.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run depends on besides its arguments, injected so that tests control it.
 *
 * @param workingDirectory where relative paths are resolved and where the project root is searched from
 * @param variables        the environment variables
 * @param terminal         whether standard output is a terminal
 */
public record Environment(Path workingDirectory, Map<String, String> variables, boolean terminal) {

    public Environment {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(Path.of(""), System.getenv(), stdoutIsTerminal());
    }

    /** Colour only on a terminal, and never with NO_COLOR (https://no-color.org) or a dumb terminal. */
    public boolean colour() {
        String noColor = variables.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(variables.get("TERM"));
    }

    public boolean debug() {
        return variables.containsKey("LIFEGUARD_DEBUG");
    }

    private static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() is non-null even when output is redirected; isTerminal() tells.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
