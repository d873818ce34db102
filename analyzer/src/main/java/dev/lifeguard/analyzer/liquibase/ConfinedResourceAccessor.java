package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.SourceReader;
import liquibase.resource.AbstractResource;
import liquibase.resource.OpenOptions;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files Liquibase may read while it interprets a changelog (property files, sqlFile, createView path):
 * only regular files inside the project root. Liquibase 4.33's DirectoryResourceAccessor and PathResource
 * follow {@code ../} and symlinks out of their directory; every lookup and every resolve here goes
 * through {@link ProjectRoot} instead.
 */
final class ConfinedResourceAccessor implements ResourceAccessor {
    private final ProjectRoot root;
    private final java.util.Map<Path, String> overlay;

    ConfinedResourceAccessor(ProjectRoot root) {
        this(root, java.util.Map.of());
    }

    /** The overlay's files are opened from there (an editor's unsaved text), the others from disk. */
    ConfinedResourceAccessor(ProjectRoot root, java.util.Map<Path, String> overlay) {
        this.root = root;
        this.overlay = overlay;
    }

    @Override
    public List<Resource> getAll(String path) {
        // Liquibase asks for changelogs by their root-relative name; other paths are classpath-style
        Optional<Path> file = root.resolve(root.path(), ProjectRoot.stripClasspathPrefix(path)).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            file = root.findOnClasspath(null, path);
        }
        return file.filter(Files::isRegularFile)
                .<List<Resource>>map(f -> List.of(new ConfinedResource(root, overlay, root.logical(f), f)))
                .orElse(List.of());
    }

    @Override
    public List<Resource> search(String path, boolean recursive) throws IOException {
        String w = ProjectRoot.stripClasspathPrefix(path);
        List<Resource> found = new ArrayList<>();
        for (Path dir : root.classpathRoots(null)) {
            Optional<Path> d = root.resolve(dir, w);
            if (d.isEmpty() || !Files.isDirectory(d.get())) {
                continue;
            }
            try (Stream<Path> files = recursive ? Files.walk(d.get()) : Files.list(d.get())) {
                files.filter(Files::isRegularFile).filter(root::contains).sorted()
                        .forEach(f -> found.add(new ConfinedResource(root, overlay, root.logical(f), f)));
            }
            break;
        }
        return found;
    }

    @Override
    public List<String> describeLocations() {
        return List.of(root.path().toString());
    }

    @Override
    public void close() {
    }

    /** A file inside the root (null: a path that left the root, which never exists); resolving never leaves it. */
    static final class ConfinedResource extends AbstractResource {
        private final ProjectRoot root;
        private final java.util.Map<Path, String> overlay;
        private final Path file;

        ConfinedResource(ProjectRoot root, java.util.Map<Path, String> overlay, String logicalPath, Path file) {
            super(logicalPath, (file == null ? root.path() : file).toUri());
            this.root = root;
            this.overlay = overlay;
            this.file = file;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            if (!exists()) {
                throw new FileNotFoundException(getPath() + " does not exist inside the project root");
            }
            java.util.Optional<String> unsaved = java.util.Optional.ofNullable(overlay.get(root.relativize(file).normalize()));
            if (unsaved.isPresent()) {
                return new java.io.ByteArrayInputStream(unsaved.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return SourceReader.open(file, SourceReader.MAX_BYTES); // capped as every read
        }

        @Override
        public boolean exists() {
            return file != null && root.contains(file) && Files.isRegularFile(file);
        }

        @Override
        public Resource resolve(String other) {
            return confined(file == null ? Optional.empty() : root.resolve(file, other), other);
        }

        @Override
        public Resource resolveSibling(String other) {
            Path dir = file == null || file.getParent() == null ? root.path() : file.getParent();
            return confined(file == null ? Optional.empty() : root.resolve(dir, other), other);
        }

        private Resource confined(Optional<Path> target, String written) {
            return target.map(p -> new ConfinedResource(root, overlay, root.logical(p), p))
                    .orElseGet(() -> new ConfinedResource(root, overlay, written, null));
        }

        @Override
        public boolean isWritable() {
            return false;
        }

        @Override
        public OutputStream openOutputStream(OpenOptions openOptions) throws IOException {
            throw new IOException("read-only");
        }
    }
}
