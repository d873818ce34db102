package dev.lifeguard.cli;

/** The report formats of {@code lifeguard lint --format}. */
public enum OutputFormat {
    /** For people: one block per finding with the source line underlined, then a summary. */
    TEXT,
    /** For scripts: the schema in docs/json-format.md. */
    JSON,
    /** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
    SARIF,
    /** GitHub Actions workflow commands: one annotation per finding, for teams without code scanning. */
    GITHUB
}
