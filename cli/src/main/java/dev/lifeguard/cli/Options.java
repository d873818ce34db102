package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Dialect;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Converters for option values, spelled in lower case as users type them. */
final class Options {
    private Options() {
    }

    static Dialect dialect(String value) {
        // no lambda here: its call site would be linked at every start-up (the AOT cache skips picocli's classes)
        Optional<Dialect> dialect = Dialect.parse(value);
        if (dialect.isPresent()) {
            return dialect.get();
        }
        throw Invalid.value("expected one of " + names(Dialect.values()) + " but was '" + value + "'");
    }

    /** Looks up an enum constant by its lower-case name. */
    static <E extends Enum<E>> E lowerCase(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw Invalid.value("expected one of " + names(type.getEnumConstants()) + " but was '" + value + "'");
    }

    /**
     * picocli's error for a bad value, made in a class of its own: a class whose code throws picocli's exception
     * makes the JVM load picocli's exception classes (which the start-up cache cannot hold: picocli is compiled
     * for Java 5) to check it at every start, and so open the jar, on every run.
     */
    private static final class Invalid {
        static RuntimeException value(String message) {
            return new TypeConversionException(message);
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
