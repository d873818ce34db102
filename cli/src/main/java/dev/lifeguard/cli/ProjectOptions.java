package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Dialect;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What to read and how, shared by every command that lints: {@code lint} and {@code baseline}. */
final class ProjectOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files, directories or glob patterns to lint (default: the working directory).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "Database the migrations run on: postgresql, mysql, mariadb, oracle, sqlserver, h2 or generic"
                    + " (default: detected, else postgresql).")
    Dialect dialect;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out files matching GLOB, relative to the project root (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--code", paramLabel = "DIR", arity = "1..*",
            description = "Application code to check drops and renames against, and to read schema settings from"
                    + " (default: the src/main trees beside the migrations).")
    List<String> code;

    @Option(names = "--target-version", paramLabel = "VERSION",
            description = "Database version the migrations must be safe on: postgresql:11, mysql:8.0.11, or 11 for the"
                    + " dialect linted (default: the oldest version still supported upstream: PostgreSQL 15, MySQL 8.4,"
                    + " MariaDB 10.11).")
    String targetVersion;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read settings from FILE (default: the nearest lifeguard.yml from the working directory"
                    + " upwards). Options given on the command line win over the file.")
    Path configFile;
}
