package dev.lifeguard.cli.report;

import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.io.Writer;

/** Writes the findings of one run in one format. */
public interface Reporter {
    void write(LintResult result, Writer out) throws IOException;
}
