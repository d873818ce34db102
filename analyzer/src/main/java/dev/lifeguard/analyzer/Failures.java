package dev.lifeguard.analyzer;

/**
 * A failure in words a user can act on: the first line of its message, never a Java class name or a stack
 * trace. What has no message of its own is named by what happened ("nested too deeply").
 */
public final class Failures {
    private static final java.util.regex.Pattern JAVA_CLASS_PREFIX =
            java.util.regex.Pattern.compile("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)?:\\s*");

    private Failures() {
    }

    public static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply to read";
        }
        if (e instanceof OutOfMemoryError) {
            return "too large to read in the memory available";
        }
        Throwable t = e;
        String m = t.getMessage();
        while ((m == null || m.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            m = t.getMessage();
        }
        // a JDK runtime exception's message describes Lifeguard's code, not the input
        if (m == null || m.isBlank() || t instanceof NullPointerException || t instanceof ClassCastException
                || t instanceof IndexOutOfBoundsException || t instanceof LinkageError) {
            return "an internal error";
        }
        for (String line : m.split("\\R")) { // Liquibase starts some messages with a line break
            if (!line.isBlank()) {
                // a wrapped cause's message starts with its class name: liquibase.util.grammar.TokenMgrError: ...
                String prose = JAVA_CLASS_PREFIX.matcher(line.strip()).replaceFirst("");
                return prose.isBlank() ? "an internal error" : prose;
            }
        }
        return "an internal error";
    }
}
