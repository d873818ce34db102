package dev.lifeguard.cli.report;

import dev.lifeguard.analyzer.model.Severity;

/** ANSI styling that turns into nothing when colour is off. */
final class Ansi {
    private static final String RESET = "\u001b[0m";
    private final boolean on;

    Ansi(boolean on) {
        this.on = on;
    }

    String bold(String s) {
        return style("1", s);
    }

    String dim(String s) {
        return style("2", s);
    }

    String cyan(String s) {
        return style("36", s);
    }

    String severity(Severity severity, String s) {
        return style(switch (severity) {
            case ERROR -> "1;31";
            case WARNING -> "1;33";
            case NOTE -> "1;36";
        }, s);
    }

    private String style(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + RESET : s;
    }
}
