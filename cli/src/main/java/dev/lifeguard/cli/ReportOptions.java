package dev.lifeguard.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How findings are reported and when they fail the run, shared by every command that reports findings: {@code lint} and {@code verify}. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Report format: text (default), json, sarif or github (workflow annotations).")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FailOnConverter.class,
            description = "Exit with 1 when a finding is at least this severe: error, warning (default) or never."
                    + " Notes never fail a run.")
    FailOn failOn = FailOn.WARNING;

    @Option(names = "--category", paramLabel = "NAME",
            description = "SARIF only: the run's code-scanning category (automationDetails.id), so that several"
                    + " Lifeguard runs on one repository keep their own alerts (default: lifeguard/DIALECT).")
    String category;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return Options.lowerCase(OutputFormat.class, value);
        }
    }

    static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return Options.lowerCase(FailOn.class, value);
        }
    }
}
