package dev.lifeguard.analyzer.model;

import dev.lifeguard.analyzer.change.RevisionFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The application code beside the migrations: its roots, the schema-generation settings found in its
 * configuration (read with the project, they are few small files), and the code index, which is built
 * only when a rule first asks for it: reading thousands of sources is not paid by a run that drops and
 * renames nothing.
 */
public final class CodeBase {

    /** The lazily read parts; implemented in {@code analyzer.code}, which owns the parsers. */
    public interface Reader {
        /** Builds the index on first call (thread-safe), then returns the same one. */
        CodeIndex index();

        /** DDL statements in application string literals: a text scan, cheaper than the index. */
        List<SchemaChangeInCode> ddlInCode();

        /** A code file already read by {@link #index()} or {@link #ddlInCode()}; never reads one. */
        Optional<SourceFile> loaded(Path file);

        /** Whether {@link #index()} has been built (benchmarks and tests check that it was not). */
        boolean indexBuilt();

        /**
         * The index of the same code roots as they are in another revision, read from that revision's files
         * (never the working tree), built anew on each call; empty when this reader cannot read a revision
         * or git could not be asked.
         */
        default Optional<CodeIndex> indexAt(RevisionFiles revision) {
            return Optional.empty();
        }

        /** Whether the code index reads this root-relative file (a code file under a code root). */
        default boolean isCodeFile(Path file) {
            return false;
        }

        /** The code files read so far that could not be read or indexed (too large, nested too deeply). */
        default List<LoadProblem> problems() {
            return List.of();
        }
    }

    public static final CodeBase NONE = new CodeBase(List.of(), List.of(), new Reader() {
        @Override
        public CodeIndex index() {
            return CodeIndex.EMPTY;
        }

        @Override
        public List<SchemaChangeInCode> ddlInCode() {
            return List.of();
        }

        @Override
        public Optional<SourceFile> loaded(Path file) {
            return Optional.empty();
        }

        @Override
        public boolean indexBuilt() {
            return false;
        }
    });

    private final List<Path> roots;
    private final List<SchemaChangeInCode> settings;
    private final Reader reader;

    /**
     * @param roots    code directories relative to the project root
     * @param settings schema-generation settings that make the application change the schema
     * @param reader   the lazily read code
     */
    public CodeBase(List<Path> roots, List<SchemaChangeInCode> settings, Reader reader) {
        this.roots = List.copyOf(roots);
        this.settings = List.copyOf(settings);
        this.reader = reader;
    }

    public List<Path> roots() {
        return roots;
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }

    public List<SchemaChangeInCode> settings() {
        return settings;
    }

    public CodeIndex index() {
        return reader.index();
    }

    public List<SchemaChangeInCode> ddlInCode() {
        return reader.ddlInCode();
    }

    public boolean indexBuilt() {
        return reader.indexBuilt();
    }

    /**
     * The code index of these code roots at another revision (the base of a reviewed change), read from git;
     * empty when that cannot be done. Prefer {@code analyzer.code.CodeVersions}, which builds it once, lazily.
     */
    public Optional<CodeIndex> indexAt(RevisionFiles revision) {
        return isEmpty() ? Optional.of(CodeIndex.EMPTY) : reader.indexAt(revision);
    }

    /** Whether the code index reads this root-relative file: a change touching none of them leaves the code as it was. */
    public boolean isCodeFile(Path file) {
        return reader.isCodeFile(file);
    }

    /** Code files read so far that could not be read or indexed: what the code rules could not see. */
    public List<LoadProblem> problems() {
        return reader.problems();
    }

    Optional<SourceFile> loaded(Path file) {
        return reader.loaded(file);
    }
}
