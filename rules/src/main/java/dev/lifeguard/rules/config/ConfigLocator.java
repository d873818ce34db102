package dev.lifeguard.rules.config;

import dev.lifeguard.analyzer.discovery.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and reads lifeguard.yml: the one {@code --config} names, else the nearest one walking up from the
 * working directory to the filesystem root (so a run from a module directory still finds the
 * repository's file).
 */
public final class ConfigLocator {
    public static final String FILE_NAME = "lifeguard.yml";

    private ConfigLocator() {
    }

    /** The nearest lifeguard.yml from {@code start} upwards. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @param given      {@code --config}, or null to search from {@code workingDirectory}
     * @param ruleIds    the rule ids that exist
     * @throws ConfigException when the file given does not exist, cannot be read, or says something wrong
     */
    public static ProjectConfig load(Path given, Path workingDirectory, Set<String> ruleIds) throws ConfigException {
        Path file = given != null ? workingDirectory.resolve(given).normalize() : find(workingDirectory).orElse(null);
        if (file == null) {
            return ProjectConfig.none();
        }
        String display = display(file, workingDirectory);
        if (!Files.exists(file)) {
            throw new ConfigException(display, 0, "no such file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(SourceReader.bytes(file, SourceReader.MAX_CONFIG_BYTES))).toString();
        } catch (IOException e) {
            throw new ConfigException(display, 0, "cannot read it: " + (e instanceof SourceReader.Refused
                    ? "it " + e.getMessage() : SourceReader.reason(e)));
        }
        return new ConfigFileReader(ruleIds).read(file, display, text);
    }

    /** Whether a file is a lifeguard.yml (an editor checks it as typed instead of linting it). */
    public static boolean isConfigFile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals(FILE_NAME);
    }

    /**
     * What is wrong with a lifeguard.yml's text as an editor holds it; empty when it reads fine.
     *
     * @param file the file, relative to {@code root}: messages name it so
     */
    public static Optional<ConfigException> check(Path root, Path file, String text, Set<String> ruleIds) {
        try {
            new ConfigFileReader(ruleIds).read(root.resolve(file), file.toString().replace('\\', '/'), text);
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e);
        }
    }

    private static String display(Path file, Path workingDirectory) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
