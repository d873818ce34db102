package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.Rule;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project roots the editor works in, and the project each open file belongs to: the deepest workspace
 * folder that contains it, else (a file opened outside the workspace) the nearest enclosing git repository,
 * as {@code lifeguard lint} chooses, else the file's own directory.
 */
final class Workspace {
    /** The files Lifeguard reads migrations from; anything else is never linted. */
    static final Set<String> EXTENSIONS = Set.of("sql", "xml", "yaml", "yml", "json");

    /** An open file's project and its path relative to the project root. */
    record Located(ProjectSession session, Path file) {
    }

    private final List<Rule> rules;
    private final List<Path> folders = new ArrayList<>();
    private final Map<Path, ProjectSession> sessions = new HashMap<>();

    private final String version;

    Workspace(List<Rule> rules) {
        this(rules, null);
    }

    /** @param version Lifeguard's version, whose rule pages findings link by default */
    Workspace(List<Rule> rules, String version) {
        this.rules = List.copyOf(rules);
        this.version = version;
    }

    synchronized void setFolders(List<Path> roots) {
        folders.clear();
        roots.stream().map(p -> p.toAbsolutePath().normalize()).forEach(folders::add);
        folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    }

    /** Empty for URIs that are not local files or not of a migration file type. */
    synchronized Optional<Located> locate(String uri) {
        Optional<Path> file = path(uri);
        if (file.isEmpty() || !EXTENSIONS.contains(extension(file.get()))) {
            return Optional.empty();
        }
        Path root = rootOf(file.get());
        ProjectSession session = sessions.computeIfAbsent(root, r -> new ProjectSession(r, rules, version));
        return Optional.of(new Located(session, root.relativize(file.get())));
    }

    /** The projects of the workspace folders (those the editor opened), created when not seen yet. */
    synchronized List<ProjectSession> folderSessions() {
        return folders.stream().map(root -> sessions.computeIfAbsent(root, r -> new ProjectSession(r, rules, version)))
                .toList();
    }

    /** Every project seen so far: a file changed outside the editor may change any of their histories. */
    synchronized List<ProjectSession> sessions() {
        return List.copyOf(sessions.values());
    }

    static Optional<Path> path(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(parsed).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private Path rootOf(Path file) {
        for (Path folder : folders) {
            if (file.startsWith(folder) && !file.equals(folder)) {
                return folder;
            }
        }
        for (Path d = file.getParent(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return file.getParent();
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
