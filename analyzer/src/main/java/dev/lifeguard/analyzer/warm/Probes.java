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

    /** {@code text} is the very string the file source handed out: an unchanged file gives the same instance. */
    private record Probed(Path file, String text, Function<String, ?> look, Optional<?> found) implements Look {
        public boolean holds(MigrationFiles now) {
            String current = now.probe(file, t -> t).orElse(null);
            if (current == text) {
                return true;
            }
            Optional<?> again = current == null ? Optional.empty() : Optional.ofNullable(look.apply(current));
            return Objects.equals(again, found);
        }
    }

    /**
     * As {@link Probed}, for a file's {@link MigrationFiles#head}, or for {@link MigrationFiles#peek} (the
     * editor's text, else the head) when {@code editor}.
     */
    private record Peeked(Path file, int bytes, boolean editor, String text, Function<String, ?> look,
                          Optional<?> found) implements Look {
        public boolean holds(MigrationFiles now) {
            String current = (editor ? now.peek(file, bytes, t -> t) : now.head(file, bytes)).orElse(null);
            if (current == text) {
                return true;
            }
            Optional<?> again = current == null ? Optional.empty() : Optional.ofNullable(look.apply(current));
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
            String text = files.probe(file, t -> t).orElse(null); // a probe, not a read: no problem is recorded
            Optional<T> found = text == null ? Optional.empty() : Optional.ofNullable(look.apply(text));
            looks.add(new Probed(file, text, look, found));
            return found;
        }

        @Override
        public <T> Optional<T> peek(Path file, int bytes, Function<String, T> look) {
            String text = files.peek(file, bytes, t -> t).orElse(null);
            Optional<T> found = text == null ? Optional.empty() : Optional.ofNullable(look.apply(text));
            looks.add(new Peeked(file, bytes, true, text, look, found));
            return found;
        }

        @Override
        public Optional<String> head(Path file, int bytes) {
            Optional<String> head = files.head(file, bytes);
            looks.add(new Peeked(file, bytes, false, head.orElse(null), t -> t, head));
            return head;
        }

        @Override
        public boolean exists(Path file) {
            boolean exists = files.exists(file);
            looks.add(new Exists(file, exists));
            return exists;
        }
    }
}
