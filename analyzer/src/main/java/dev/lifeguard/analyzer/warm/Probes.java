package dev.lifeguard.analyzer.warm;

import dev.lifeguard.analyzer.discovery.MigrationFiles;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a discovery step looked at, recorded while it ran: the listings and existence checks it made,
 * the files it read (by identity: the warm file source hands out one {@link SourceFile} per unchanged text)
 * and what it found in file contents ({@link MigrationFiles#probe}). The step's result still holds as long as
 * every record reads the same again: a keystroke in a Flyway migration changes its text, but not its name,
 * so the directory's plan is reused; typing {@code -- migrate:up} into it would change what dbmate's probe
 * finds, and the plan is made again.
 */
final class Probes {

    private sealed interface Look {
        boolean holds(MigrationFiles files);
    }

    private record Listed(Path directory, List<Path> files) implements Look {
        public boolean holds(MigrationFiles now) {
            return now.list(directory).equals(files);
        }
    }

    private record Exists(Path file, boolean exists) implements Look {
        public boolean holds(MigrationFiles now) {
            return now.exists(file) == exists;
        }
    }

    private record Read(Path file, SourceFile read) implements Look {
        public boolean holds(MigrationFiles now) {
            return now.read(file).orElse(null) == read;
        }
    }

    private record Unsaved(Path file, Optional<String> text) implements Look {
        public boolean holds(MigrationFiles now) {
            return now.unsaved(file).equals(text);
        }
    }

    private record Probed(Path file, SourceFile read, Function<String, ?> look, Optional<?> found) implements Look {
        public boolean holds(MigrationFiles now) {
            SourceFile current = now.read(file).orElse(null);
            if (current == read) {
                return true;
            }
            Optional<?> again = current == null ? Optional.empty() : Optional.ofNullable(look.apply(current.text()));
            return Objects.equals(again, found);
        }
    }

    private final List<Look> looks;

    private Probes(List<Look> looks) {
        this.looks = List.copyOf(looks);
    }

    /** Whether everything recorded reads the same through {@code files} now. */
    boolean hold(MigrationFiles files) {
        for (Look look : looks) {
            if (!look.holds(files)) {
                return false;
            }
        }
        return true;
    }

    /** A view of {@code files} that records what is looked at through it. */
    static final class Recorder implements MigrationFiles {
        private final MigrationFiles files;
        private final List<Look> looks = new ArrayList<>();

        Recorder(MigrationFiles files) {
            this.files = files;
        }

        Probes probes() {
            return new Probes(looks);
        }

        @Override
        public List<Path> list(Path directory) {
            List<Path> listed = files.list(directory);
            looks.add(new Listed(directory, listed));
            return listed;
        }

        @Override
        public Optional<SourceFile> read(Path file) {
            Optional<SourceFile> read = files.read(file);
            looks.add(new Read(file, read.orElse(null)));
            return read;
        }

        @Override
        public Optional<String> unsaved(Path file) {
            Optional<String> text = files.unsaved(file);
            looks.add(new Unsaved(file, text));
            return text;
        }

        @Override
        public <T> Optional<T> probe(Path file, Function<String, T> look) {
            SourceFile read = files.read(file).orElse(null);
            Optional<T> found = read == null ? Optional.empty() : Optional.ofNullable(look.apply(read.text()));
            looks.add(new Probed(file, read, look, found));
            return found;
        }

        @Override
        public boolean exists(Path file) {
            boolean exists = files.exists(file);
            looks.add(new Exists(file, exists));
            return exists;
        }
    }
}
